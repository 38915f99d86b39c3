// The secret-scanning worker thread (bundled alone as dist/worker/index.js): it receives text
// and bytes from the main thread in batches and sends back findings, in order.
import { parentPort } from 'node:worker_threads'
import { scanBytes, scanSecrets, windowScan } from './rules/secrets/scan.js'
import type { WindowScan } from './rules/secrets/engine/scan.js'
import { END, POOLED, type Reply, type Request } from './rules/secrets/engine/offload.js'
import type { RawFinding } from './findings.js'

/** The state of each streamed file whose windows are being scanned. */
const streams = new Map<number, WindowScan>()
const port = parentPort
if (!port) throw new Error('scan-worker: not started as a worker thread')

port.on('message', (req: Request) => {
  if ('settle' in req) return port.postMessage({ settled: req.settle } satisfies Reply)
  const findings: RawFinding[] = []
  const masks: string[] = []
  const report = (f: RawFinding) => findings.push(f)
  const mask = req.masks ? (v: string) => masks.push(v) : undefined
  try {
    for (const job of req.jobs) {
      if (job.kind === 'text') {
        scanSecrets(job.text, job.file, report, mask)
        continue
      }
      const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.length)
      if (job.kind === 'bytes') {
        scanBytes(bytes, job.file, report, mask)
      } else if (job.kind === 'pack') {
        job.files.forEach((file, i) =>
          scanBytes(bytes.subarray(job.ends[i - 1] ?? 0, job.ends[i]), file, report, mask),
        )
      } else if (job.pos.base === END.base) {
        streams.delete(job.stream)
      } else {
        const s = streams.get(job.stream) ?? streams.set(job.stream, windowScan()).get(job.stream)!
        s.scan(bytes, job.pos, job.file, report, mask)
      }
    }
  } catch (err) {
    return port.postMessage({ failed: (err as Error).stack ?? String(err) } satisfies Reply)
  }
  // Pooled buffers go back to be reused; the others are dropped here.
  const buffers = req.jobs.flatMap((j) =>
    'bytes' in j && j.bytes.buffer.byteLength === POOLED ? [j.bytes.buffer as ArrayBuffer] : [],
  )
  port.postMessage({ findings, masks, size: req.size, buffers } satisfies Reply, buffers)
})
