import { POOLED } from './protocol.js'

/**
 * Buffers of POOLED bytes that travel to the worker and come back to be used again. A buffer
 * handed out is the caller's (then the worker's) until it is given back: transferring it
 * detaches it here, so it cannot be handed out twice.
 */
export class BufferPool {
  private readonly free: ArrayBuffer[] = []

  /** A POOLED-byte view: a recycled buffer when one is free, else a new one. */
  take(): Uint8Array {
    return new Uint8Array(this.free.pop() ?? new ArrayBuffer(POOLED))
  }

  /** Buffers the worker handed back, free to be taken again. */
  give(buffers: ArrayBuffer[]): void {
    this.free.push(...buffers)
  }

  /**
   * A copy of `b` the worker can own (the caller's buffer may be reused, or be a view of a bigger
   * one): in a pooled buffer when it fits, else in one of its own (never Node's shared pool).
   */
  own(b: Buffer): Uint8Array {
    if (b.length > POOLED) {
      const copy = Buffer.allocUnsafeSlow(b.length)
      b.copy(copy)
      return copy
    }
    const view = this.take()
    view.set(b)
    return view.subarray(0, b.length)
  }
}
