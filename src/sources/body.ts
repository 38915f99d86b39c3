/**
 * Files larger than this are streamed through the rules chunk by chunk (`Entry.body`) instead
 * of being held whole: memory stays bounded whatever an artifact holds, and big buffers (which
 * cost more to allocate than to scan) are never made.
 */
export const STREAM_ABOVE = 2 * 1024 * 1024

/**
 * A nested archive is opened from memory (a zip needs random access): one larger than this is
 * not opened, and says so, so memory stays bounded.
 */
export const NESTED_IN_MEMORY = 128 * 1024 * 1024

/** How much of a streamed file's start is kept as `Entry.head` (what sniffing rules read). */
export const HEAD_BYTES = 64 * 1024

/**
 * A sink that receives a streamed file's bytes in order, then `end()`. Sources hand over fresh
 * chunks that nobody writes to again, so a sink may keep them (or views of them).
 */
export interface ChunkSink {
  write(chunk: Buffer): void
  end(): void
}

/** Collects the first `max` bytes of a stream. */
export class HeadCollector implements ChunkSink {
  private readonly parts: Buffer[] = []
  size = 0
  constructor(private readonly max: number) {}

  write(chunk: Buffer): void {
    if (this.size >= this.max) return
    const part = chunk.subarray(0, this.max - this.size)
    this.parts.push(Buffer.from(part))
    this.size += part.length
  }

  end(): void {}

  get bytes(): Buffer {
    return this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts)
  }
}

/** Collects a whole stream (for the few files that must be read whole: metadata, nested zips). */
export class WholeCollector implements ChunkSink {
  private readonly parts: Buffer[] = []
  size = 0
  /** `onEnd` gets the whole bytes when the stream ends. */
  constructor(private readonly onEnd?: (bytes: Buffer) => void) {}
  write(chunk: Buffer): void {
    this.parts.push(chunk)
    this.size += chunk.length
  }
  end(): void {
    this.onEnd?.(this.bytes)
  }
  get bytes(): Buffer {
    return Buffer.concat(this.parts)
  }
}

/**
 * Keeps the last `max` bytes of a stream (and counts them all): the chunks that hold them, as
 * sinks may keep them, joined only when asked.
 */
export class TailCollector implements ChunkSink {
  private readonly parts: Buffer[] = []
  private kept = 0
  total = 0
  constructor(private readonly max: number) {}

  write(chunk: Buffer): void {
    this.total += chunk.length
    this.parts.push(chunk)
    this.kept += chunk.length
    while (this.kept - this.parts[0].length >= this.max)
      this.kept -= (this.parts.shift() as Buffer).length
  }

  end(): void {}

  get bytes(): Buffer {
    const all = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts)
    return all.subarray(Math.max(0, all.length - this.max))
  }
}
