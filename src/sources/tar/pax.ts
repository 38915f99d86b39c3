import { isUtf8 } from 'node:buffer'
import { decodeName, encodeName } from '../names.js'
import { nameOf, type TarName } from './fields.js'

// pax records ('x', 'g') and GNU long names ('L', 'K'): what an extension header sets for the
// entry after it (or, global, for all), read the way node-tar's strict Parser reads it.

/** node-tar's cut of text at a NUL: no `s` flag, so it stops at a line break. */
const NUL_TO_EOL = /\0.*/

/** What pax and GNU long-name records set for the next entry (or, global, for all). */
export interface Extended {
  path?: TarName
  /** Where `path` came from: a pax record, or a GNU long name. */
  pathFrom?: 'pax path' | 'GNU long name'
  /** The records whose value held a NUL that node-tar cut at ('path', 'linkpath'). */
  nul?: string[]
  linkpath?: TarName
  size?: number
  // Fields node-tar then takes from the record instead of decoding (and so never rejects).
  uid?: true
  gid?: true
  mtime?: true
  atime?: true
  ctime?: true
  /** `comment` and extended-attribute records: text kept beside the entry, scanned for secrets. */
  texts?: Array<{ key: string; value: string }>
}

/**
 * The extension records in force: `local` for the next entry, `global` for every entry after. An
 * extension header's data is applied once whole; the next entry's header clears `local`.
 */
export class Extensions {
  local: Extended | undefined
  global: Extended | undefined

  /** Applies the data of an extension header with type flag `code`, as node-tar does. */
  apply(code: string, data: Buffer): void {
    switch (code) {
      case 'x':
      case 'X':
        this.local = paxRecords(data, this.local)
        break
      case 'g':
        this.global = paxRecords(data, this.global)
        break
      case 'K':
        this.local = { ...this.local, linkpath: cutAtNul(nameOf(data)) }
        if (innerNul(data)) this.local.nul = [...(this.local.nul ?? []), 'GNU long link name']
        break
      default:
        this.local = { ...this.local, path: cutAtNul(nameOf(data)), pathFrom: 'GNU long name' }
        if (innerNul(data)) this.local.nul = [...(this.local.nul ?? []), 'GNU long name']
    }
  }
}

/** node-tar's cut of a GNU long name (NUL_TO_EOL), applied to both spellings. */
export function cutAtNul(name: TarName): TarName {
  const text = name.text.replace(NUL_TO_EOL, '')
  const raw = name.raw.replace(NUL_TO_EOL, '')
  return { text, raw, valid: name.valid || raw === text }
}

/**
 * Applies pax records as node-tar's Pax.parse does: `len key=value\n` lines read from the UTF-8
 * text (U+FFFD for bad bytes), a line whose length is wrong skipped. The raw spelling of a path
 * comes from the same lines read without loss.
 */
export function paxRecords(data: Buffer, into: Extended | undefined): Extended {
  const out: Extended = { ...into }
  const text = data.toString('utf8')
  const lines = text.replace(/\n$/, '').split('\n')
  const rawLines = isUtf8(data) ? undefined : decodeName(data).text.replace(/\n$/, '').split('\n')
  lines.forEach((line, i) => {
    const n = parseInt(line, 10)
    if (n !== Buffer.byteLength(line) + 1) return
    const kv = line.slice(`${n} `.length).split('=')
    const k = kv.shift()?.replace(/^SCHILY\.(dev|ino|nlink)/, '$1')
    if (!k) return
    const whole = kv.join('=')
    const v = whole.replace(NUL_TO_EOL, '')
    switch (k) {
      case 'path':
      case 'linkpath':
        out[k] = paxName(v, rawLines?.[i], n)
        if (k === 'path') out.pathFrom = 'pax path'
        // node-tar cuts the value at the NUL; tools that do not read another name.
        if (v !== whole) out.nul = [...(out.nul ?? []), `pax ${k}`]
        break
      case 'size': {
        const s = +v
        if (s >= 0) out.size = s
        break
      }
      case 'uid':
      case 'gid':
      case 'mtime':
      case 'atime':
      case 'ctime':
        out[k] = true
        break
      default:
        if (k === 'comment' || XATTR.test(k)) out.texts = [...(out.texts ?? []), paxText(k, v)]
    }
  })
  return out
}

const XATTR = /^(SCHILY|LIBARCHIVE)\.xattr\./

/** libarchive writes an attribute's value in base64; shown decoded when it decodes to text. */
function paxText(key: string, value: string): { key: string; value: string } {
  if (!key.startsWith('LIBARCHIVE.') || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return { key, value }
  return { key, value: Buffer.from(value, 'base64').toString('latin1') }
}

function paxName(text: string, rawLine: string | undefined, n: number): TarName {
  if (rawLine === undefined) return { text, raw: text, valid: true }
  const kv = rawLine.slice(`${n} `.length).split('=')
  kv.shift()
  const raw = kv.join('=').replace(NUL_TO_EOL, '')
  if (raw === text) return { text, raw, valid: true }
  // Both spellings come from the same bytes; should they ever disagree, keep npm's.
  return encodeName(raw).toString('utf8') === text
    ? { text, raw, valid: false }
    : { text, raw: text, valid: !text.includes('\ufffd') }
}

/** A GNU long name ends with a NUL (and padding): one followed by more text hides a second name. */
function innerNul(data: Buffer): boolean {
  const at = data.indexOf(0)
  if (at < 0) return false
  for (let i = at + 1; i < data.length; i++) if (data[i] !== 0) return true
  return false
}

/**
 * Whether the name in a header's own fields (what a reader that ignores pax and GNU records
 * shows) names the same file as the pax path or GNU long name npm uses. Writers put the same
 * name there, or what fits of a long one: its first bytes (GNU tar, Python, node-tar), `?` for
 * each non-ASCII character (Python), its folder's start with its file name's start and end
 * (libarchive). Anything else names another file.
 */
export function sameName(own: string, long: string): boolean {
  if (own === long) return true
  // eslint-disable-next-line no-control-regex
  const ascii = long.replace(/[^\u0000-\u007f]/gu, '?')
  if (own === ascii) return true
  // Only a name too long for the header's fields is shortened.
  if (own === '' || Buffer.byteLength(long) < 100) return false
  if (long.startsWith(own) || ascii.startsWith(own)) return true
  return abbreviates(own, long) || abbreviates(own, ascii)
}

function abbreviates(own: string, long: string): boolean {
  const o = own.lastIndexOf('/')
  const l = long.lastIndexOf('/')
  const [ownDir, ownBase] = [own.slice(0, o + 1), own.slice(o + 1)]
  const [longDir, longBase] = [long.slice(0, l + 1), long.slice(l + 1)]
  // The folder may be cut anywhere, even inside a segment.
  const cut = ownDir.slice(0, -1)
  if (ownBase === '' || !longDir.startsWith(cut) || ownBase.length > longBase.length) return false
  for (let k = 1; k <= ownBase.length; k++) {
    if (longBase.startsWith(ownBase.slice(0, k)) && longBase.endsWith(ownBase.slice(k))) return true
  }
  return false
}
