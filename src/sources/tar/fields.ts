import { isUtf8 } from 'node:buffer'
import { decodeName } from '../names.js'
import { TarFormatError } from './errors.js'

// The fields of a tar header (text, names, numbers, the checksum), decoded the way node-tar's
// strict Parser decodes them (what npm extracts), quirks included.

export const BLOCK = 512
const USTAR = Buffer.from('ustar\u000000', 'latin1')
const SLASH = Buffer.from('/')
/** An entry name: as npm writes it, and with its bytes kept. */
export interface TarName {
  /** UTF-8 with U+FFFD for bytes that are not (node-tar's decoding, so npm's). */
  text: string
  /** Equal to `text` for valid UTF-8; otherwise each bad byte is the lone surrogate U+DC00+byte (decodeName). */
  raw: string
  valid: boolean
}

/** A text field's kept bytes: [start, end) of `buf` (a copy in the odd case `slice` describes). */
export interface Slice {
  buf: Buffer
  start: number
  end: number
}

/**
 * Reads a NUL-padded text field as node-tar does: up to the first NUL, but node-tar cuts with the
 * regex NUL_TO_EOL (pax.ts), whose `.` stops at a line break, so a line break after the NUL keeps
 * what follows it (later NULs included).
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
