import { TarFormatError } from './errors.js'
import { BLOCK } from './fields.js'
import { readHeader, type TarHeader } from './header.js'
import { Extensions } from './pax.js'

export type { TarHeader } from './header.js'

/** What the parser calls as it reads (a caller that does not care about the end may leave it out). */
export interface TarHandlers {
  onEntry(header: TarHeader): void
  /** Data of the current entry: views of the input chunks, never copies. */
  onData(chunk: Buffer): void
  /** The current entry is over: its data and the padding after it have been read. */
  onEntryEnd(): void
  /** The end-of-archive marker (two null blocks) was read; nothing after it is parsed. */
  onEnd?(): void
  /** Bytes after the end marker, in order: views of the input chunks. */
  onTrailing?(bytes: Buffer): void
}

/**
 * What the parser reads next. A tar is a run of 512-byte blocks: a header, then the data it
 * declares, padded to a whole block; two null blocks end it, and what follows is not part of it.
 *
 *   header --an entry's header--> data --> padding --> header
 *   header --a pax or GNU long-name header--> extension --> padding --> header
 *   header --such a header whose record is too large to apply--> skip --> header
 *   header --the second null block in a row--> end: every later byte is trailing data
 *
 * Data that fills its last block has no padding; an entry without data is over at its header.
 */
export type TarState = 'header' | 'data' | 'extension' | 'skip' | 'padding' | 'end'

/** node-tar skips (does not apply) pax and GNU records larger than this. */
const MAX_EXTENSION = 1024 * 1024

/**
 * A synchronous push parser that reads what node-tar's strict Parser reads (what npm extracts):
 * `write()` chunks as they come, `end()` when the input is over. It calls the handlers as
 * entries, data and the end marker are read, and throws TarFormatError (or whatever a handler
 * throws) at the first problem; it reads nothing more after that.
 */
export class TarParser {
  private current: TarState = 'header'
  /** After end() or a problem: nothing more is read. */
  private closed = false
  /** A header block that arrived in pieces. */
  private readonly head = Buffer.alloc(BLOCK)
  private headFill = 0
  /** Of the current body: data bytes not read yet, bytes to its last block's end, bytes read. */
  private dataLeft = 0
  private blockLeft = 0
  private consumed = 0
  /** What the padding being read ends: an entry's data, or an extension record's. */
  private padded: 'data' | 'extension' = 'data'
  /** An extension record's data, and its type flag, until the record is whole. */
  private parts: Buffer[] = []
  private code = ''
  private readonly ext = new Extensions()
  private sawNull = false
  /** node-tar's `state !== 'begin'` and `sawValidEntry`: both must hold for a tar. */
  private begun = false
  private sawValid = false

  constructor(private readonly handlers: TarHandlers) {}

  get state(): TarState {
    return this.current
  }

  /** The end-of-archive marker has been read. */
  get ended(): boolean {
    return this.current === 'end'
  }

  write(chunk: Buffer): void {
    if (this.closed) return
    try {
      this.feed(chunk)
    } catch (err) {
      this.closed = true
      throw err
    }
  }

  /** The input is over: a body cut short or a stream that never held a tar is an error. */
  end(): void {
    if (this.closed) return
    this.closed = true
    if (this.current !== 'header' && this.current !== 'end') {
      // As node-tar: the entry ends with what arrived, then the error.
      const have = this.consumed % BLOCK
      const needed = this.blockLeft + have
      if (this.current === 'data' || (this.current === 'padding' && this.padded === 'data')) {
        this.handlers.onEntryEnd()
      }
      throw new TarFormatError(
        'truncated',
        `Truncated input (needed ${needed} more bytes, only ${have} available)`,
      )
    }
    if (!this.begun || !this.sawValid) {
      throw new TarFormatError('not-tar', 'Unrecognized archive format')
    }
  }

  private feed(chunk: Buffer): void {
    const len = chunk.length
    let at = 0
    while (at < len) {
      switch (this.current) {
        case 'header':
          at = this.header(chunk, at)
          break
        case 'data':
          at = this.data(chunk, at)
          break
        case 'extension':
          at = this.extension(chunk, at)
          break
        case 'skip':
        case 'padding':
          at = this.pass(chunk, at)
          break
        case 'end':
          this.handlers.onTrailing?.(at === 0 ? chunk : chunk.subarray(at))
          return
      }
    }
  }

  /** Reads one header block, whole from the chunk or gathered from several. */
  private header(chunk: Buffer, at: number): number {
    if (this.headFill === 0 && chunk.length - at >= BLOCK) {
      this.block(chunk, at)
      return at + BLOCK
    }
    const n = Math.min(BLOCK - this.headFill, chunk.length - at)
    chunk.copy(this.head, this.headFill, at, at + n)
    this.headFill += n
    if (this.headFill === BLOCK) {
      this.headFill = 0
      this.block(this.head, 0)
    }
    return at + n
  }

  private block(buf: Buffer, off: number): void {
    const block = readHeader(buf, off, this.ext)
    if (block.kind === 'null') {
      // Two in a row end the archive, one alone is skipped.
      if (this.sawNull) {
        this.current = 'end'
        this.begun = true
        this.handlers.onEnd?.()
      }
      this.sawNull = true
      return
    }
    this.sawNull = false
    this.sawValid = true
    if (block.kind === 'extension') {
      if (block.declared > MAX_EXTENSION) {
        this.begun = true
        this.body('skip', block.size)
      } else if (block.declared > 0) {
        this.begun = true
        this.code = block.code
        this.body('extension', block.size)
      }
      return
    }
    this.ext.local = undefined
    this.begun = true
    this.handlers.onEntry(block)
    this.body('data', block.size ?? 0)
  }

  private body(state: 'data' | 'extension' | 'skip', size: number): void {
    // A fractional pax size hands on its whole bytes, as node-tar does.
    this.dataLeft = Math.floor(size)
    this.blockLeft = BLOCK * Math.ceil(size / BLOCK)
    this.consumed = 0
    if (state === 'skip') this.current = this.blockLeft > 0 ? 'skip' : 'header'
    else if (this.dataLeft > 0) this.current = state
    else this.dataEnd(state)
  }

  /** An entry's data: handed on as views of the input. */
  private data(chunk: Buffer, at: number): number {
    const n = Math.min(chunk.length - at, this.dataLeft)
    this.dataLeft -= n
    this.handlers.onData(chunk.subarray(at, at + n))
    this.advance(n)
    if (this.dataLeft === 0) this.dataEnd('data')
    return at + n
  }

  /** An extension record's data: kept until the record is whole, then applied. */
  private extension(chunk: Buffer, at: number): number {
    const n = Math.min(chunk.length - at, this.dataLeft)
    this.dataLeft -= n
    this.parts.push(chunk.subarray(at, at + n))
    this.advance(n)
    if (this.dataLeft === 0) this.dataEnd('extension')
    return at + n
  }

  /** Padding, or a whole record node-tar skips: read past. */
  private pass(chunk: Buffer, at: number): number {
    const n = Math.min(chunk.length - at, this.blockLeft)
    this.advance(n)
    if (this.blockLeft > 0) return at + n
    if (this.current === 'padding') this.bodyEnd(this.padded)
    else this.current = 'header'
    return at + n
  }

  private advance(n: number): void {
    this.blockLeft -= n
    this.consumed += n
  }

  /** The data is read: its padding comes next, if it has any. */
  private dataEnd(state: 'data' | 'extension'): void {
    if (this.blockLeft === 0) {
      this.bodyEnd(state)
    } else {
      this.padded = state
      this.current = 'padding'
    }
  }

  /** The body is read to its last block's end: the entry is over, or the record applies. */
  private bodyEnd(state: 'data' | 'extension'): void {
    this.current = 'header'
    if (state === 'data') {
      this.handlers.onEntryEnd()
    } else {
      const parts = this.parts
      this.parts = []
      this.ext.apply(this.code, parts.length === 1 ? parts[0] : Buffer.concat(parts))
    }
  }
}
