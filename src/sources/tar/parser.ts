import type { EntryType } from '../types.js'
import { TarFormatError } from './errors.js'
import {
  BLOCK,
  bytesOf,
  checksum,
  endsWithSlash,
  fieldEnd,
  fieldName,
  isUstar,
  nameOf,
  readNumber,
  slice,
  type Slice,
  type TarName,
} from './fields.js'
import { cutAtNul, paxRecords, type Extended } from './pax.js'

/**
 * A tar reader that reads what node-tar's strict Parser reads (what npm extracts), field quirks
 * included, so packguard sees the entries npm writes. It decodes only what an entry needs (name,
 * link, mode, size, type), hands data on as views of the input, and keeps a name's raw bytes.
 */

export interface TarHeader {
  name: TarName
  type: EntryType
  /** The mode field; undefined when unreadable. */
  mode: number | undefined
  /** Data length; undefined when the size field is negative or unreadable (no data is read then). */
  size: number | undefined
  /** Link target as npm reads it ('' for none). */
  linkpath: string
  /** node-tar (so npm) passes over this entry unseen: a type it does not know (type 'other'). */
  skipped: boolean
}

export interface TarHandlers {
  onEntry(header: TarHeader): void
  /** Data of the current entry: views of the input chunks, never copies. */
  onData(chunk: Buffer): void
  onEntryEnd(): void
  /** The end-of-archive marker (two null blocks) was read; nothing after it is parsed. */
  onEnd(): void
}

/** node-tar skips (does not apply) pax and GNU records larger than this. */
const MAX_META = 1024 * 1024
const EMPTY: Buffer = Buffer.alloc(0)
/** Type flags pax records apply to; other types get only their own header's fields. */
const NORMAL = new Set(['', '0', '1', '2', '3', '4', '5', '6', '7', 'D'])
const META = new Set(['x', 'X', 'g', 'L', 'N', 'K'])
const TYPES: Record<string, EntryType> = {
  '': 'file',
  '0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char-device',
  '4': 'block-device',
  '5': 'directory',
  '6': 'fifo',
}

/**
 * A synchronous push parser: `write()` chunks as they come, `end()` when the input is over. It
 * calls the handlers as entries, data and the end marker are read, and throws TarFormatError
 * (or whatever a handler throws) at the first problem; it reads nothing more after that.
 */
export class TarParser {
  private readonly head = Buffer.alloc(BLOCK)
  private headFill = 0
  /** What the bytes of the current body are for; undefined while a header is expected. */
  private body: 'entry' | 'skip' | 'meta' | undefined
  private blockLeft = 0
  private dataLeft = 0
  private consumed = 0
  private meta: Buffer[] = []
  private metaFlag = ''
  private ex: Extended | undefined
  private gex: Extended | undefined
  private sawNull = false
  private eof = false
  private stopped = false
  /** node-tar's `state !== 'begin'` and `sawValidEntry`: both must hold for a tar. */
  private begun = false
  private sawValid = false
  private rest: Buffer = EMPTY

  constructor(private readonly handlers: TarHandlers) {}

  write(chunk: Buffer): void {
    if (this.eof || this.stopped) return
    try {
      this.feed(chunk)
    } catch (err) {
      this.stopped = true
      throw err
    }
  }

  /** The input is over: a body cut short or a stream that never held a tar is an error. */
  end(): void {
    if (this.stopped) return
    this.stopped = true
    if (this.body && this.blockLeft > 0) {
      // As node-tar: the entry ends with what arrived, then the error.
      const have = this.consumed % BLOCK
      const needed = this.blockLeft + have
      if (this.body === 'entry') this.handlers.onEntryEnd()
      throw new TarFormatError(
        'truncated',
        `Truncated input (needed ${needed} more bytes, only ${have} available)`,
      )
    }
    if (!this.begun || !this.sawValid) {
      throw new TarFormatError('not-tar', 'Unrecognized archive format')
    }
  }

  /** What followed the end marker in the chunk that held it. */
  remainder(): Buffer {
    return this.rest
  }

  private feed(chunk: Buffer): void {
    const len = chunk.length
    let at = 0
    while (at < len && !this.eof) {
      if (this.body) {
        at = this.consume(chunk, at)
      } else if (this.headFill === 0 && len - at >= BLOCK) {
        this.header(chunk, at)
        at += BLOCK
      } else {
        const n = Math.min(BLOCK - this.headFill, len - at)
        chunk.copy(this.head, this.headFill, at, at + n)
        this.headFill += n
        at += n
        if (this.headFill < BLOCK) break
        this.headFill = 0
        this.header(this.head, 0)
      }
      if (this.eof) this.rest = chunk.subarray(at)
    }
  }

  private consume(chunk: Buffer, at: number): number {
    const n = Math.min(chunk.length - at, this.blockLeft)
    const d = Math.min(n, this.dataLeft)
    if (d > 0) {
      const piece = chunk.subarray(at, at + d)
      this.dataLeft -= d
      if (this.body === 'entry') this.handlers.onData(piece)
      else if (this.body === 'meta') this.meta.push(piece)
    }
    this.blockLeft -= n
    this.consumed += n
    if (this.blockLeft === 0) this.endBody()
    return at + n
  }

  private startBody(kind: 'entry' | 'skip' | 'meta', size: number): void {
    this.body = kind
    // A fractional pax size hands on its whole bytes, as node-tar does.
    this.dataLeft = Math.floor(size)
    this.blockLeft = BLOCK * Math.ceil(size / BLOCK)
    this.consumed = 0
    if (this.blockLeft === 0) this.endBody()
  }

  private endBody(): void {
    const kind = this.body
    this.body = undefined
    if (kind === 'entry') this.handlers.onEntryEnd()
    else if (kind === 'meta') this.applyMeta()
  }

  private header(buf: Buffer, off: number): void {
    const t = buf[off + 156]
    const flag = t === 0 ? '' : t < 0x80 ? String.fromCharCode(t) : '\ufffd'
    const normal = NORMAL.has(flag)
    const ex = normal ? this.ex : undefined
    const gex = normal ? this.gex : undefined
    // The fields node-tar decodes, in its order: a bad base-256 field rejects the header.
    const mode = readNumber(buf, off + 100, 8)
    if (!ex?.uid && !gex?.uid) readNumber(buf, off + 108, 8)
    if (!ex?.gid && !gex?.gid) readNumber(buf, off + 116, 8)
    let size = ex?.size ?? gex?.size ?? readNumber(buf, off + 124, 12)
    if (size !== undefined && size < 0) size = undefined
    if (!ex?.mtime && !gex?.mtime) readNumber(buf, off + 136, 12)
    // node-tar reads 12 bytes here, past the 8 of the field.
    const cksum = readNumber(buf, off + 148, 12)
    const ustar = isUstar(buf, off)
    if (ustar) {
      readNumber(buf, off + 329, 8)
      readNumber(buf, off + 337, 8)
      if (buf[off + 475] === 0) {
        if (!this.ex?.atime && !this.gex?.atime) readNumber(buf, off + 476, 12)
        if (!this.ex?.ctime && !this.gex?.ctime) readNumber(buf, off + 488, 12)
      }
    }
    const sum = checksum(buf, off)
    if (cksum === undefined && sum === 8 * 0x20) {
      // A null block; two in a row end the archive, one alone is skipped.
      if (this.sawNull) {
        this.eof = true
        this.begun = true
        this.handlers.onEnd()
      }
      this.sawNull = true
      return
    }
    this.sawNull = false
    if (cksum !== sum) throw new TarFormatError('checksum', 'checksum failure')

    // node-tar's header path: the pax or GNU name, or the name field, after the ustar prefix.
    const exPath = ex?.path
    const field = exPath ? undefined : slice(buf, off, 100)
    let prefix: Slice | undefined
    if (ustar) {
      const p = slice(buf, off + 345, buf[off + 475] !== 0 ? 155 : 130)
      // A 155-byte prefix (its last bytes set) is joined even when it reads empty.
      if (buf[off + 475] !== 0 || p.end > p.start) prefix = p
    }
    const empty = field ? field.end === field.start : exPath?.text === ''
    if (!prefix && empty) throw new TarFormatError('invalid', 'path is required')
    const code = flag === '' ? '0' : flag
    const isLink = code === '1' || code === '2'
    const noLink = buf[off + 157] === 0 && fieldEnd(buf, off + 157, 100) >= 0
    if (isLink && noLink) throw new TarFormatError('invalid', 'linkpath required')
    if (!isLink && code !== 'x' && code !== 'g' && !noLink) {
      throw new TarFormatError('invalid', 'linkpath forbidden')
    }
    this.sawValid = true

    if (META.has(code)) {
      // node-tar decides with its ReadEntry size, where pending pax sizes apply to these too.
      const declared = this.gex?.size ?? this.ex?.size ?? size ?? 0
      if (declared > MAX_META) {
        this.begun = true
        this.startBody('skip', size ?? 0)
      } else if (declared > 0) {
        this.begun = true
        this.meta = []
        this.metaFlag = code
        this.startBody('meta', size ?? 0)
      }
      return
    }
    this.ex = undefined
    this.begun = true
    let type = (normal && TYPES[flag]) || 'other'
    // Old tars mark a folder as a file whose name ends in '/'; folders have no data.
    if (code === '0' && (field ? endsWithSlash(field) : exPath?.text.endsWith('/'))) {
      type = 'directory'
    }
    if (type === 'directory') size = 0
    // The name npm writes: a pax or GNU name wins outright (node-tar's ReadEntry path).
    const name = exPath ?? fieldName(field as Slice, prefix)
    let linkpath = noLink ? '' : nameOf(bytesOf(slice(buf, off + 157, 100))).text
    linkpath = gex?.linkpath?.text ?? ex?.linkpath?.text ?? linkpath
    this.handlers.onEntry({ name, type, mode, size, linkpath, skipped: !normal })
    this.startBody('entry', size ?? 0)
  }

  private applyMeta(): void {
    const data = this.meta.length === 1 ? this.meta[0] : Buffer.concat(this.meta)
    this.meta = []
    switch (this.metaFlag) {
      case 'x':
      case 'X':
        this.ex = paxRecords(data, this.ex)
        break
      case 'g':
        this.gex = paxRecords(data, this.gex)
        break
      case 'K':
        this.ex = { ...this.ex, linkpath: cutAtNul(nameOf(data)) }
        break
      default:
        this.ex = { ...this.ex, path: cutAtNul(nameOf(data)) }
    }
  }
}
