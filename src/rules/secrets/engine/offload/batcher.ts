import type { ChunkSink } from '../../../../sources/body.js'
import { Windows } from '../../../windows.js'
import type { BufferPool } from './pool.js'
import { END, POOLED, type Job } from './protocol.js'

/** When a batch is sent: at about `bytes` bytes of work, or at `jobs` jobs. */
export interface BatchLimits {
  bytes: number
  jobs: number
}

export const BATCH_LIMITS: BatchLimits = { bytes: 512 * 1024, jobs: 1024 }

/** Sends one batch: its jobs, their size in bytes, and the buffers it transfers. */
export type SendBatch = (jobs: Job[], size: number, transfer: ArrayBuffer[]) => void

/** Small files packed back to back in one pooled buffer, waiting to join a batch. */
interface Pack {
  bytes: Uint8Array
  files: string[]
  ends: number[]
  used: number
}

/**
 * Turns work for the worker into batches: one message for many jobs. Bytes travel in buffers
 * the worker can own (pooled when they fit); files of up to half a pooled buffer travel packed,
 * many to one buffer, and their pack joins the batch when it is full or the batch is sent. A
 * streamed file's windows keep their order and share a stream id, and an END window follows
 * its last one.
 */
export class Batcher {
  private jobs: Job[] = []
  private size = 0
  private readonly transfer: ArrayBuffer[] = []
  private pack: Pack | undefined
  private nextStream = 0

  constructor(
    private readonly pool: BufferPool,
    private readonly send: SendBatch,
    private readonly limits: BatchLimits = BATCH_LIMITS,
  ) {}

  /** Bytes of work in the batch being filled (not counting an open pack). */
  get queued(): number {
    return this.size
  }

  /** Whether the batch and its open pack hold a batch's worth: time to send it. */
  get full(): boolean {
    return this.size + (this.pack?.used ?? 0) >= this.limits.bytes
  }

  text(text: string, file: string): void {
    this.add({ kind: 'text', file, text }, text.length)
  }

  bytes(content: Buffer, file: string): void {
    if (content.length <= POOLED / 2) this.packed(content, file)
    else this.add({ kind: 'bytes', file, bytes: this.pool.own(content) }, content.length)
  }

  /** A sink that cuts a streamed file into windows, each a job. */
  sink(file: string): ChunkSink {
    const stream = this.nextStream++
    const windows = new Windows((bytes, pos) =>
      this.add({ kind: 'window', file, stream, bytes: this.pool.own(bytes), pos }, bytes.length),
    )
    return {
      write: (c) => windows.write(c),
      end: () => {
        windows.end()
        this.add({ kind: 'window', file, stream, bytes: new Uint8Array(0), pos: END }, 0)
      },
    }
  }

  /** Sends what is batched (an open pack included), if anything. */
  flush(): void {
    this.closePack()
    if (this.jobs.length === 0) return
    this.send(this.jobs, this.size, this.transfer.splice(0))
    this.jobs = []
    this.size = 0
  }

  private add(job: Job, size: number): void {
    this.jobs.push(job)
    this.size += size
    if ('bytes' in job) this.transfer.push(job.bytes.buffer as ArrayBuffer)
    if (this.size >= this.limits.bytes || this.jobs.length >= this.limits.jobs) this.flush()
  }

  private packed(content: Buffer, file: string): void {
    if (this.pack && this.pack.used + content.length > POOLED) this.closePack()
    const pack = (this.pack ??= { bytes: this.pool.take(), files: [], ends: [], used: 0 })
    pack.bytes.set(content, pack.used)
    pack.used += content.length
    pack.files.push(file)
    pack.ends.push(pack.used)
  }

  private closePack(): void {
    if (!this.pack) return
    const { bytes, files, ends, used } = this.pack
    this.pack = undefined
    this.add({ kind: 'pack', files, ends, bytes: bytes.subarray(0, used) }, used)
  }
}
