/**
 * Texts a binary-looking file may hold that its printable runs do not show: UTF-16 text (every
 * other byte NUL) and the strings of a compiled Python file (each written right after a type
 * byte and a length, and followed by the next object's type byte, often a letter).
 */

/** How many first bytes decide whether a file is UTF-16 text. */
const SNIFF = 256

/**
 * `le` or `be` when the bytes are UTF-16 text: a byte-order mark, or the NUL pattern of mostly
 * ASCII text (one byte of each pair NUL, the other not) over the first bytes. Only these first
 * bytes are read, so telling costs nothing on other files.
 */
export function utf16Of(content: Buffer): 'le' | 'be' | undefined {
  if (content.length < 2) return undefined
  if (content[0] === 0xff && content[1] === 0xfe) return 'le'
  if (content[0] === 0xfe && content[1] === 0xff) return 'be'
  const pairs = Math.min(content.length, SNIFF) >> 1
  if (pairs < 8) return undefined
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < pairs; i++) {
    if (content[2 * i] === 0) evenNul++
    if (content[2 * i + 1] === 0) oddNul++
  }
  const most = pairs * 0.9
  if (oddNul >= most && evenNul === 0) return 'le'
  if (evenNul >= most && oddNul === 0) return 'be'
  return undefined
}

/**
 * UTF-16 text as the scanner reads text: one character a code unit, those past latin1 shown as
 * `?` (no keyword or token has one). Lines are the file's; columns count characters.
 */
export function utf16Text(content: Buffer, kind: 'le' | 'be'): string {
  const start =
    (kind === 'le' && content[0] === 0xff) || (kind === 'be' && content[0] === 0xfe) ? 2 : 0
  const even = content.subarray(start, start + ((content.length - start) & ~1))
  const le = kind === 'le' ? even : Buffer.from(even).swap16()
  return le.toString('utf16le').replace(/[^\0-\xff]/g, '?')
}

/** Whether the bytes are a compiled Python module: `.pyc`/`.pyo` with its magic's `\r\n`. */
export function isPyc(file: string, content: Buffer): boolean {
  return /\.py[co]$/.test(file) && content[2] === 0x0d && content[3] === 0x0a
}

// marshal type codes of strings, with FLAG_REF (0x80) cleared: short ASCII ones have a 1-byte
// length, the others a 4-byte one.
const SHORT = new Set([0x7a, 0x5a]) // z Z
const LONG_ASCII = new Set([0x61, 0x41]) // a A
const LONG = new Set([0x75, 0x74, 0x73]) // u t s
const MIN_STRING = 8

/**
 * The strings of a `.pyc` as a latin1 text as long as the file, everything else blanked to NUL
 * (line feeds kept, as in `printableRuns`): each string stands alone, so the type byte marshal
 * writes right after it (`N`, `Z`, `r`, ...) does not run on from a token's last character.
 * Found by walking the bytes for a string type code, a length that fits and a body that is text;
 * a string's body is stepped over whole.
 */
export function marshalStrings(content: Buffer): string {
  const out = Buffer.alloc(content.length)
  for (let i = content.indexOf(0x0a); i >= 0; i = content.indexOf(0x0a, i + 1)) out[i] = 0x0a
  let i = 16
  while (i < content.length) {
    const code = content[i] & 0x7f
    const short = SHORT.has(code)
    const long = LONG_ASCII.has(code) || LONG.has(code)
    const at = i + (short ? 2 : 5)
    const n = short
      ? content[i + 1]
      : long && at <= content.length
        ? content.readUInt32LE(i + 1)
        : 0
    if ((short || long) && n >= MIN_STRING && at + n <= content.length) {
      if (isText(content, at, at + n, LONG.has(code))) {
        content.copy(out, at, at, at + n)
        i = at + n
        continue
      }
    }
    i++
  }
  return out.toString('latin1')
}

function isText(b: Buffer, from: number, to: number, utf8: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = b[i]
    if (c >= 0x20 ? c === 0x7f || (c > 0x7f && !utf8) : c !== 0x09 && c !== 0x0a && c !== 0x0d)
      return false
  }
  return true
}
