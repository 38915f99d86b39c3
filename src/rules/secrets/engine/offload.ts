import { Worker } from 'node:worker_threads'
import type { RawFinding } from '../../../findings.js'
import { STREAM_ABOVE } from '../../../sources/body.js'
import { Windows } from '../../windows.js'
import type { Mask } from './scanner.js'
import type { SecretScan } from './scan.js'
import { localScanning, type ScannerHost, type SecretScanning } from './service.js'
import { END, POOLED, type Job, type Reply, type Request } from './offload/protocol.js'

/** Work is sent in batches of about this many bytes. */
const BATCH = 512 * 1024
/** Reading waits while the worker has this much work queued (memory stays bounded). */
const IN_FLIGHT = 16 * 1024 * 1024
/** With this much queued, new work is done on this thread instead: both cores scan. */
const SHARE = 4 * 1024 * 1024
/** Texts smaller than this are scanned on this thread. */
const SMALL = 1024
/** The first bytes to scan are scanned on this thread; the worker starts after them. */
const START_AFTER = 2 * 1024 * 1024
/**
 * Secret scanning on a worker thread, so the regex work runs beside reading, unpacking and the
 * other rules. Work is batched; reading is held back (`ready`) while the worker lags by more
 * than IN_FLIGHT bytes. Findings come back in order and are reported before `settle` resolves.
 */
export function workerHost(script: string, engine: SecretScan): ScannerHost {
  let worker: Worker | undefined
  let report: (f: RawFinding) => void = () => {}
  let mask: Mask | undefined
  let failure: Error | undefined
  let inFlight = 0
  let waiters: Array<() => void> = []
  const settles = new Map<number, { resolve: () => void; reject: (e: Error) => void }>()
  let nextSettle = 0
  let nextStream = 0

  const wake = () => {
    for (const w of waiters.splice(0)) w()
    for (const s of settles.values()) if (failure) s.reject(failure)
  }
  // Started once there is enough to scan: a small package is done before a worker would be up.
  const start = (): Worker => {
    const w = new Worker(script)
    w.unref()
    w.on('message', onReply)
    w.on('error', (err) => {
      failure = err
      wake()
    })
    return w
  }
  const onReply = (r: Reply) => {
    if ('settled' in r) {
      settles.get(r.settled)?.resolve()
      settles.delete(r.settled)
      return
    }
    if ('failed' in r) {
      failure = new Error(`secret scanning failed: ${r.failed}`)
      return wake()
    }
    pool.push(...r.buffers)
    for (const f of r.findings) report(f)
    if (mask) for (const v of r.masks) mask(v)
    inFlight -= r.size
    if (inFlight < IN_FLIGHT) wake()
  }

  let batch: Job[] = []
  let batchSize = 0
  const transfer: ArrayBuffer[] = []
  const flush = () => {
    closePack()
    if (batch.length === 0) return
    const req: Request = { jobs: batch, size: batchSize, masks: Boolean(mask) }
    worker ??= start()
    worker.postMessage(req, transfer.splice(0))
    inFlight += batchSize
    batch = []
    batchSize = 0
  }
  const add = (job: Job, size: number) => {
    batch.push(job)
    batchSize += size
    if ('bytes' in job) transfer.push(job.bytes.buffer as ArrayBuffer)
    if (batchSize >= BATCH || batch.length >= 1024) flush()
  }
  // A copy the worker can own (the caller's buffer may be reused, or be a view of a bigger one):
  // a recycled buffer when it fits, else one of its own (never from Node's shared pool).
  const pool: ArrayBuffer[] = []
  const pooled = () => new Uint8Array(pool.pop() ?? new ArrayBuffer(POOLED))
  const own = (b: Buffer): Uint8Array => {
    if (b.length > POOLED) {
      const copy = Buffer.allocUnsafeSlow(b.length)
      b.copy(copy)
      return copy
    }
    const view = pooled()
    view.set(b)
    return view.subarray(0, b.length)
  }

  // Small files travel packed: one buffer and one message for many of them.
  let pack: { bytes: Uint8Array; files: string[]; ends: number[]; used: number } | undefined
  const closePack = () => {
    if (!pack) return
    const { bytes, files, ends, used } = pack
    pack = undefined
    add({ kind: 'pack', files, ends, bytes: bytes.subarray(0, used) }, used)
  }
  const packed = (content: Buffer, file: string) => {
    if (pack && pack.used + content.length > POOLED) closePack()
    pack ??= { bytes: pooled(), files: [], ends: [], used: 0 }
    pack.bytes.set(content, pack.used)
    pack.used += content.length
    pack.files.push(file)
    pack.ends.push(pack.used)
  }

  let local = localScanning(engine, report)
  // Small texts are scanned here (handing one over costs about what scanning it does), and
  // everything is when the worker lags: both cores scan. The first START_AFTER bytes are
  // scanned here too, so a small package never waits for a worker to start.
  let early = 0
  const here = (size: number) => {
    if (early < START_AFTER) {
      early += size
      if (early < START_AFTER) return true
    }
    return inFlight + batchSize >= SHARE
  }
  const scanning: SecretScanning = {
    // Cheap, and it decides whether there is any work to hand over.
    skim: (raw) => local.skim(raw),
    text: (text, file) =>
      here(text.length) || text.length < SMALL
        ? local.text(text, file)
        : add({ kind: 'text', file, text }, text.length),
    bytes: (content, file) =>
      here(content.length)
        ? local.bytes(content, file)
        : content.length <= POOLED / 2
          ? packed(content, file)
          : add({ kind: 'bytes', file, bytes: own(content) }, content.length),
    sink: (file) => {
      // A streamed file's windows are scanned in order by one thread, chosen at its start.
      if (here(STREAM_ABOVE)) return local.sink(file)
      const stream = nextStream++
      const windows = new Windows((bytes, pos) =>
        add({ kind: 'window', file, stream, bytes: own(bytes), pos }, bytes.length),
      )
      return {
        write: (c) => windows.write(c),
        end: () => {
          windows.end()
          add({ kind: 'window', file, stream, bytes: new Uint8Array(0), pos: END }, 0)
        },
      }
    },
    ready: () => {
      // Work is sent in batches, or at once when the worker has nothing to do.
      if (inFlight === 0 || batchSize + (pack?.used ?? 0) >= BATCH) flush()
      if (!worker) return undefined
      if (failure) return Promise.reject(failure)
      if (inFlight < IN_FLIGHT) return undefined
      return new Promise((resolve) => waiters.push(resolve))
    },
    settle: () => {
      flush()
      if (failure) return Promise.reject(failure)
      if (!worker) return Promise.resolve()
      const id = nextSettle++
      worker.postMessage({ settle: id } satisfies Request)
      return new Promise((resolve, reject) => settles.set(id, { resolve, reject }))
    },
  }
  return {
    open(r, m) {
      report = r
      mask = m
      local = localScanning(engine, r, m)
      return scanning
    },
    close: async () => {
      waiters = []
      await worker?.terminate()
    },
  }
}
