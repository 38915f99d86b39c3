import type { ChunkSink } from '../sources/body.js'

/** Where a window sits in its file, and which part of it is its own. */
export interface WindowPos {
  /** File offset of the window's first byte. */
  base: number
  /** The window's own part, `[from, to)` in window offsets: each file byte is owned by one window. */
  from: number
  to: number
  /** Line number of the window's first byte, and the file offset where that line starts. */
  line: number
  lineStart: number
}

export interface WindowSizes {
  /** Bytes each window owns (the last one may own fewer). */
  own: number
  /** Context kept before the own part (lookbehind, `near` windows of detectors). */
  before: number
  /** Context read past the own part, so a match starting in it is seen whole. */
  after: number
}

export const DEFAULT_WINDOWS: WindowSizes = { own: 64 * 1024, before: 4096, after: 32 * 1024 }

/**
 * Cuts a streamed file into overlapping windows for scanners that work on text: a match that
 * starts in a window's own part and is no longer than `after` is seen whole by that window, and
 * by no other's own part. Bytes are copied into one buffer that is reused for every window
 * (fresh big buffers cost more than scanning them), so `onWindow` must not keep `bytes`.
 */
export class Windows implements ChunkSink {
  private buf: Buffer
  /** Bytes held in `buf`, from file offset `start`. */
  private held = 0
  private start = 0
  /** File offset of the first byte no window has owned yet. */
  private owned = 0
  private line = 1
  private lineStart = 0
  private flushed = false

  constructor(
    private readonly onWindow: (bytes: Buffer, pos: WindowPos) => void,
    private readonly sizes: WindowSizes = DEFAULT_WINDOWS,
  ) {
    this.buf = Buffer.allocUnsafe(sizes.before + sizes.own + sizes.after)
  }

  write(chunk: Buffer): void {
    const { own, after } = this.sizes
    for (let at = 0; at < chunk.length;) {
      const n = Math.min(chunk.length - at, this.buf.length - this.held)
      chunk.copy(this.buf, this.held, at, at + n)
      this.held += n
      at += n
      if (this.start + this.held - this.owned >= own + after) this.flush(this.owned + own)
    }
  }

  end(): void {
    if (this.start + this.held > this.owned || !this.flushed) this.flush(this.start + this.held)
  }

  /** Hands on the window that owns `[owned, ownEnd)`, then keeps only what later windows need. */
  private flush(ownEnd: number): void {
    this.flushed = true
    const bytes = this.buf.subarray(0, this.held)
    const windowEnd = Math.min(this.start + this.held, ownEnd + this.sizes.after)
    this.onWindow(bytes.subarray(0, windowEnd - this.start), {
      base: this.start,
      from: this.owned - this.start,
      to: ownEnd - this.start,
      line: this.line,
      lineStart: this.lineStart,
    })
    const next = Math.max(this.start, ownEnd - this.sizes.before)
    // Lines are counted up to the next window's first byte.
    const stop = next - this.start
    for (let i = bytes.indexOf(0x0a); i >= 0 && i < stop; i = bytes.indexOf(0x0a, i + 1)) {
      this.line++
      this.lineStart = this.start + i + 1
    }
    this.owned = ownEnd
    bytes.copy(this.buf, 0, stop, this.held)
    this.held -= stop
    this.start = next
  }
}
