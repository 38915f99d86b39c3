import type { EntryType } from '../types.js'
import { TarFormatError } from './errors.js'
import {
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
import { sameName, type Extended, type Extensions } from './pax.js'
import { showBytes } from '../names.js'

/** An entry's header, as npm reads it with the extension records in force applied. */
export interface TarHeader {
  kind: 'entry'
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
  /** Why readers may see this entry under another name (a pax path against the header's own). */
  ambiguous?: string
  /** pax `comment` and extended-attribute records in force (global first). */
  texts?: Array<{ key: string; value: string }>
}

/** A pax or GNU long-name header: its data sets fields of the entries after it (Extensions). */
export interface ExtensionHeader {
  kind: 'extension'
  /** The type flag: 'x' or 'X' (pax), 'g' (global pax), 'L' or 'N' (long name), 'K' (long link). */
  code: string
  /** The length of its data. */
  size: number
  /** The size node-tar decides by whether to read it at all: pending pax sizes apply here too. */
  declared: number
}

/** A block of zeros (its checksum field unreadable): two in a row end the archive. */
export const NULL_BLOCK = { kind: 'null' } as const

export type HeaderBlock = TarHeader | ExtensionHeader | typeof NULL_BLOCK

/** Type flags pax records apply to; other types get only their own header's fields. */
const NORMAL = new Set(['', '0', '1', '2', '3', '4', '5', '6', '7', 'D'])
const EXTENSION = new Set(['x', 'X', 'g', 'L', 'N', 'K'])
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
 * Decodes the 512-byte header block at `off` as node-tar's strict Parser does (what npm
 * extracts), field quirks included: only what an entry needs (name, link, mode, size, type),
 * a name's raw bytes kept. Throws TarFormatError for a header node-tar rejects.
 */
export function readHeader(buf: Buffer, off: number, ext: Extensions): HeaderBlock {
  const t = buf[off + 156]
  const flag = t === 0 ? '' : t < 0x80 ? String.fromCharCode(t) : '\ufffd'
  const normal = NORMAL.has(flag)
  const ex = normal ? ext.local : undefined
  const gex = normal ? ext.global : undefined
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
      if (!ext.local?.atime && !ext.global?.atime) readNumber(buf, off + 476, 12)
      if (!ext.local?.ctime && !ext.global?.ctime) readNumber(buf, off + 488, 12)
    }
  }
  const sum = checksum(buf, off)
  if (cksum === undefined && sum === 8 * 0x20) return NULL_BLOCK
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

  if (EXTENSION.has(code)) {
    // node-tar decides with its ReadEntry size, where pending pax sizes apply to these too.
    const declared = ext.global?.size ?? ext.local?.size ?? size ?? 0
    return { kind: 'extension', code, size: size ?? 0, declared }
  }
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
  const texts = [...(gex?.texts ?? []), ...(ex?.texts ?? [])]
  const header: TarHeader = { kind: 'entry', name, type, mode, size, linkpath, skipped: !normal }
  if (texts.length > 0) header.texts = texts
  // Only entries with a pax or GNU name pay for the comparison.
  if (ex?.nul || exPath) {
    const why = ambiguity(ex as Extended, fieldName(slice(buf, off, 100), prefix))
    if (why) header.ambiguous = why
  }
  return header
}

/** Why the extension records and the header's own fields name the entry differently, if they do. */
function ambiguity(ex: Extended, own: TarName): string | undefined {
  if (ex.nul) {
    return `its ${ex.nul.join(' and ')} holds a NUL: npm cuts the name there, other tools read it whole or refuse it`
  }
  const long = ex.path as TarName
  if (sameName(own.text, long.text)) return undefined
  return `its ${ex.pathFrom ?? 'pax path'} '${showBytes(long.raw)}' and its header name '${showBytes(own.raw)}' differ: npm uses the first, tools that ignore ${ex.pathFrom === 'GNU long name' ? 'GNU long names' : 'pax records'} the second`
}
