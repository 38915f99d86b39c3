import type { RawFinding } from '../../../../findings.js'
import { STREAM_ABOVE } from '../../../../sources/body.js'
import type { SecretScan } from '../scan.js'
import type { Mask } from '../scanner.js'
import { localScanning, type ScannerHost, type SecretScanning } from '../service.js'
import { BATCH_LIMITS, Batcher, type BatchLimits } from './batcher.js'
import { BufferPool } from './pool.js'
import type { Job, Reply, StartWorker, WorkerPort } from './protocol.js'

/** The sizes that decide where work is done and how far the worker may lag. */
export interface OffloadLimits {
  batch: BatchLimits
  /** Reading waits while the worker has this much work queued (memory stays bounded). */
  inFlight: number
  /** With this much queued, new work is done on this thread instead: both cores scan. */
  share: number
  /** Texts smaller than this are scanned on this thread. */
  small: number
  /** The first bytes to scan are scanned on this thread; the worker starts after them. */
  startAfter: number
}

export const OFFLOAD_LIMITS: OffloadLimits = {
  batch: BATCH_LIMITS,
  inFlight: 16 * 1024 * 1024,
  share: 4 * 1024 * 1024,
  small: 1024,
  startAfter: 2 * 1024 * 1024,
}

/**
 * Secret scanning on a worker, so the regex work runs beside reading, unpacking and the other
 * rules. Work is batched (Batcher); reading is held back (`ready`) while the worker lags by more
 * than `inFlight` bytes. The worker's findings are reported in the order its work was batched,
 * and all of them before `settle` resolves; a worker failure rejects `ready` and `settle`.
 */
export class OffloadHost implements ScannerHost {
  private port: WorkerPort | undefined
  private report: (f: RawFinding) => void = () => {}
  private mask: Mask | undefined
  private local: SecretScanning
  private failure: Error | undefined
  /** Bytes of work sent and not yet answered. */
  private inFlight = 0
  private waiters: Array<() => void> = []
  private readonly settles = new Map<number, { resolve: () => void; reject: (e: Error) => void }>()
  private nextSettle = 0
  /** Bytes offered so far, while under `startAfter`. */
  private early = 0
  private readonly pool = new BufferPool()
  private readonly batcher: Batcher
  private readonly scanning: SecretScanning

  constructor(
    private readonly start: StartWorker,
    private readonly engine: SecretScan,
    private readonly limits: OffloadLimits = OFFLOAD_LIMITS,
  ) {
    this.batcher = new Batcher(this.pool, (jobs, size, t) => this.send(jobs, size, t), limits.batch)
    this.local = localScanning(engine, this.report)
    this.scanning = this.routes()
  }

  open(report: (f: RawFinding) => void, mask?: Mask): SecretScanning {
    this.report = report
    this.mask = mask
    this.local = localScanning(this.engine, report, mask)
    return this.scanning
  }

  async close(): Promise<void> {
    this.waiters = []
    await this.port?.close()
  }

  /**
   * Small texts are scanned here (handing one over costs about what scanning it does), and
   * everything is when the worker lags: both cores scan. The first `startAfter` bytes are
   * scanned here too, so a small package never waits for a worker to start.
   */
  private routes(): SecretScanning {
    const { batcher, limits } = this
    return {
      // Cheap, and it decides whether there is any work to hand over.
      skim: (raw) => this.local.skim(raw),
      text: (text, file) =>
        this.here(text.length) || text.length < limits.small
          ? this.local.text(text, file)
          : batcher.text(text, file),
      bytes: (content, file) =>
        this.here(content.length) ? this.local.bytes(content, file) : batcher.bytes(content, file),
      // A streamed file's windows are scanned in order by one thread, chosen at its start.
      sink: (file) => (this.here(STREAM_ABOVE) ? this.local.sink(file) : batcher.sink(file)),
      ready: () => {
        // Work is sent in batches, or at once when the worker has nothing to do.
        if (this.inFlight === 0 || batcher.full) batcher.flush()
        if (!this.port) return undefined
        if (this.failure) return Promise.reject(this.failure)
        if (this.inFlight < limits.inFlight) return undefined
        return new Promise((resolve) => this.waiters.push(resolve))
      },
      settle: () => {
        batcher.flush()
        if (this.failure) return Promise.reject(this.failure)
        const port = this.port
        if (!port) return Promise.resolve()
        const id = this.nextSettle++
        const settled = new Promise<void>((resolve, reject) =>
          this.settles.set(id, { resolve, reject }),
        )
        port.post({ settle: id })
        return settled
      },
    }
  }

  /** Whether work of `size` bytes is scanned on this thread. */
  private here(size: number): boolean {
    if (this.early < this.limits.startAfter) {
      this.early += size
      if (this.early < this.limits.startAfter) return true
    }
    return this.inFlight + this.batcher.queued >= this.limits.share
  }

  // The worker is started with the first batch: a small package is done before it would be up.
  private send(jobs: Job[], size: number, transfer: ArrayBuffer[]): void {
    const masks = Boolean(this.mask)
    this.port ??= this.start(
      (r) => this.onReply(r),
      (err) => this.fail(err),
    )
    this.inFlight += size
    this.port.post({ jobs, size, masks }, transfer)
  }

  private onReply(r: Reply): void {
    if ('settled' in r) {
      this.settles.get(r.settled)?.resolve()
      this.settles.delete(r.settled)
      return
    }
    if ('failed' in r) return this.fail(new Error(`secret scanning failed: ${r.failed}`))
    this.pool.give(r.buffers)
    for (const f of r.findings) this.report(f)
    if (this.mask) for (const v of r.masks) this.mask(v)
    this.inFlight -= r.size
    if (this.inFlight < this.limits.inFlight) this.wake()
  }

  private fail(err: Error): void {
    this.failure = err
    this.wake()
  }

  /** Lets held-back reading go on; after a failure, rejects every settle waiting. */
  private wake(): void {
    for (const w of this.waiters.splice(0)) w()
    if (this.failure) for (const s of this.settles.values()) s.reject(this.failure)
  }
}
