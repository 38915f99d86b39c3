import type { RawFinding } from '../../../../findings.js'
import { WindowScan, type SecretScan } from '../scan.js'
import type { Mask } from '../scanner.js'
import { END, POOLED, type Job, type Reply, type Request } from './protocol.js'

/**
 * The worker's side of the protocol, without the thread: does each request's jobs in order and
 * answers with their findings in that order. It keeps the state of each streamed file between
 * requests, until its END window.
 */
export class JobHandler {
  /** The state of each streamed file whose windows are being scanned. */
  private readonly streams = new Map<number, WindowScan>()

  constructor(private readonly engine: SecretScan) {}

  /** The reply to one request; a reply's `buffers` are to be transferred back with it. */
  handle(req: Request): Reply {
    if ('settle' in req) return { settled: req.settle }
    const findings: RawFinding[] = []
    const masks: string[] = []
    const report = (f: RawFinding) => findings.push(f)
    const mask = req.masks ? (v: string) => masks.push(v) : undefined
    try {
      for (const job of req.jobs) this.run(job, report, mask)
    } catch (err) {
      return { failed: (err as Error).stack ?? String(err) }
    }
    // Pooled buffers go back to be reused; the others are dropped here.
    const buffers = req.jobs.flatMap((j) =>
      'bytes' in j && j.bytes.buffer.byteLength === POOLED ? [j.bytes.buffer as ArrayBuffer] : [],
    )
    return { findings, masks, size: req.size, buffers }
  }

  private run(job: Job, report: (f: RawFinding) => void, mask?: Mask): void {
    const { engine } = this
    if (job.kind === 'text') return engine.text(job.text, job.file, report, mask)
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.length)
    if (job.kind === 'bytes') {
      engine.bytes(bytes, job.file, report, mask)
    } else if (job.kind === 'pack') {
      job.files.forEach((file, i) =>
        engine.bytes(bytes.subarray(job.ends[i - 1] ?? 0, job.ends[i]), file, report, mask),
      )
    } else if (job.pos.base === END.base) {
      this.streams.delete(job.stream)
    } else {
      let s = this.streams.get(job.stream)
      if (!s) this.streams.set(job.stream, (s = new WindowScan(engine)))
      s.scan(bytes, job.pos, job.file, report, mask)
    }
  }
}
