import { isUtf8 } from 'node:buffer'
import { decodeName, encodeName } from './names.js'

// The fields of tar headers and of pax and GNU long-name records, decoded the way node-tar's
// strict Parser decodes them (what npm extracts), quirks included.

export const BLOCK = 512
const USTAR = Buffer.from('ustar\u000000', 'latin1')
const SLASH = Buffer.from('/')
/** node-tar's cut of text at a NUL: no `s` flag, so it stops at a line break. */
const NUL_TO_EOL = /\0.*/

/** An entry name: as npm writes it, and with its bytes kept. */
export interface TarName {
  /** UTF-8 with U+FFFD for bytes that are not (node-tar's decoding, so npm's). */
  text: string
  /** Equal to `text` for valid UTF-8; otherwise each bad byte is the lone surrogate U+DC00+byte (decodeName). */
  raw: string
  valid: boolean
}

/** What is wrong with the tar; `message` is node-tar's wording. */
export class TarFormatError extends Error {
  constructor(
    readonly kind: 'checksum' | 'truncated' | 'not-tar' | 'invalid',
    message: string,
  ) {
    super(message)
    this.name = 'TarFormatError'
  }
}

/** What pax and GNU long-name records set for the next entry (or, global, for all). */
export interface Extended {
  path?: TarName
  linkpath?: TarName
  size?: number
  // Fields node-tar then takes from the record instead of decoding (and so never rejects).
  uid?: true
  gid?: true
  mtime?: true
  atime?: true
  ctime?: true
}

/** A text field's kept bytes: [start, end) of `buf` (a copy in the odd case `slice` describes). */
export interface Slice {
  buf: Buffer
  start: number
  end: number
}

/**
 * Reads a NUL-padded text field as node-tar does: up to the first NUL, but node-tar cuts with the
 * regex NUL_TO_EOL, whose `.` stops at a line break, so a line break after the NUL keeps what
 * follows it (later NULs included).
 */
export function slice(buf: Buffer, start: number, len: number): Slice {
  const end = start + len
  let nul = start
  while (nul < end && buf[nul] !== 0) nul++
  const brk = lineBreak(buf, nul + 1, end)
  if (brk < 0) return { buf, start, end: nul }
  const kept = Buffer.concat([buf.subarray(start, nul), buf.subarray(brk, end)])
  return { buf: kept, start: 0, end: kept.length }
}

/** `slice` without the odd case: where the field ends, or -1 when a line break follows its NUL. */
export function fieldEnd(buf: Buffer, start: number, len: number): number {
  const end = start + len
  let nul = start
  while (nul < end && buf[nul] !== 0) nul++
  return lineBreak(buf, nul + 1, end) < 0 ? nul : -1
}

/** The first line break (LF, CR, U+2028, U+2029 in UTF-8) in [from, end), or -1. */
function lineBreak(buf: Buffer, from: number, end: number): number {
  // Mostly the rest of a field is NUL padding: ruled out first, four bytes at a time.
  let any = 0
  let i = from
  for (; i + 4 <= end; i += 4) any |= buf[i] | buf[i + 1] | buf[i + 2] | buf[i + 3]
  for (; i < end; i++) any |= buf[i]
  if (any === 0) return -1
  for (let i = from; i < end; i++) {
    const b = buf[i]
    if (b === 0x0a || b === 0x0d) return i
    if (b === 0xe2 && i + 2 < end && buf[i + 1] === 0x80 && (buf[i + 2] & 0xfe) === 0xa8) return i
  }
  return -1
}

export const bytesOf = (s: Slice) => s.buf.subarray(s.start, s.end)

/** The header's own name: the name field, after the ustar prefix and a `/` when there is one. */
export function fieldName(name: Slice, prefix: Slice | undefined): TarName {
  if (isAscii(name) && (!prefix || isAscii(prefix))) {
    let text = name.buf.toString('latin1', name.start, name.end)
    if (prefix) text = `${prefix.buf.toString('latin1', prefix.start, prefix.end)}/${text}`
    return { text, raw: text, valid: true }
  }
  return nameOf(prefix ? Buffer.concat([bytesOf(prefix), SLASH, bytesOf(name)]) : bytesOf(name))
}

export function endsWithSlash(s: Slice): boolean {
  return s.end > s.start && s.buf[s.end - 1] === 0x2f
}

function isAscii(s: Slice): boolean {
  for (let i = s.start; i < s.end; i++) if (s.buf[i] >= 0x80) return false
  return true
}

/** node-tar's checksum: the unsigned sum of the header bytes, its checksum field read as 8 spaces. */
export function checksum(buf: Buffer, off: number): number {
  // Four sums at a time: the header is read for every entry, this is most of its cost.
  let a = 8 * 0x20
  let b = 0
  let c = 0
  let d = 0
  for (let i = off; i < off + 148; i += 4) {
    a += buf[i]
    b += buf[i + 1]
    c += buf[i + 2]
    d += buf[i + 3]
  }
  for (let i = off + 156; i < off + BLOCK; i += 4) {
    a += buf[i]
    b += buf[i + 1]
    c += buf[i + 2]
    d += buf[i + 3]
  }
  return a + b + c + d
}

export function isUstar(buf: Buffer, off: number): boolean {
  for (let i = 0; i < 8; i++) if (buf[off + 257 + i] !== USTAR[i]) return false
  return true
}

export function nameOf(bytes: Buffer): TarName {
  const text = bytes.toString('utf8')
  if (isUtf8(bytes)) return { text, raw: text, valid: true }
  return { text, raw: decodeName(bytes).text, valid: false }
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
    const v = kv.join('=').replace(NUL_TO_EOL, '')
    switch (k) {
      case 'path':
        out.path = paxName(v, rawLines?.[i], n)
        break
      case 'linkpath':
        out.linkpath = paxName(v, rawLines?.[i], n)
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
    }
  })
  return out
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

/**
 * A numeric field as node-tar reads it: base-256 when the first byte has its top bit set (0x80
 * positive, 0xff negative, anything else rejected), otherwise `parseInt(text.trim(), 8)`:
 * leading white space, a sign, octal digits up to the first other byte. undefined if no digit.
 */
export function readNumber(buf: Buffer, off: number, len: number): number | undefined {
  if (buf[off] & 0x80) return base256(buf, off, len)
  const end = off + len
  let i = off
  for (; i < end; i++) {
    const b = buf[i]
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) break
  }
  // Unicode white space (U+00A0, U+FEFF...) is trimmed too: read as node-tar does.
  if (i < end && buf[i] >= 0x80) {
    const v = parseInt(buf.toString('utf8', off, end).replace(/\0.*$/, '').trim(), 8)
    return isNaN(v) ? undefined : v
  }
  let neg = false
  if (i < end && (buf[i] === 0x2b || buf[i] === 0x2d)) neg = buf[i++] === 0x2d
  const first = i
  let v = 0
  for (; i < end; i++) {
    const d = buf[i] - 0x30
    if (d < 0 || d > 7) break
    v = v * 8 + d
  }
  if (i === first) return undefined
  return neg ? -v : v
}

function base256(buf: Buffer, off: number, len: number): number {
  let v = 0
  if (buf[off] === 0x80) {
    for (let i = off + 1; i < off + len; i++) v = v * 256 + buf[i]
  } else if (buf[off] === 0xff) {
    // Two's complement, as node-tar's large-numbers reads it.
    let flipped = false
    for (let i = off + len - 1; i >= off; i--) {
      const b = buf[i]
      let f: number
      if (flipped) f = 0xff ^ b
      else if (b === 0) f = 0
      else {
        flipped = true
        f = ((0xff ^ b) + 1) & 0xff
      }
      if (f !== 0) v -= f * Math.pow(256, off + len - 1 - i)
    }
  } else {
    throw new TarFormatError('invalid', 'invalid base256 encoding')
  }
  if (!Number.isSafeInteger(v)) {
    throw new TarFormatError('invalid', 'parsed number outside of javascript safe integer range')
  }
  return v
}
