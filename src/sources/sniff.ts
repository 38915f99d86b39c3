/** What the first bytes of a file say it is. */
export type Sniffed =
  | { kind: 'gzip' }
  | { kind: 'zip' }
  | { kind: 'tar' }
  | { kind: 'ar' }
  | { kind: 'unsupported'; name: string }
  | { kind: 'unknown' }
  | { kind: 'empty' }

const UNSUPPORTED: Array<[string, number[]]> = [
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
]

/** `!<arch>\n`: a .deb, a static library. */
const AR = [0x21, 0x3c, 0x61, 0x72, 0x63, 0x68, 0x3e, 0x0a]
const BZH = [0x42, 0x5a, 0x68]

/** Recognizes an archive by magic bytes, never by its extension. `head` is the first 512 bytes. */
export function sniff(head: Buffer): Sniffed {
  if (head.length === 0) return { kind: 'empty' }
  if (startsWith(head, [0x1f, 0x8b])) return { kind: 'gzip' }
  if (
    startsWith(head, [0x50, 0x4b]) &&
    [0x0304, 0x0506, 0x0708].includes(head.readUInt16BE(2) ?? 0)
  ) {
    return { kind: 'zip' }
  }
  if (
    head.length >= 512 &&
    (head.toString('latin1', 257, 262) === 'ustar' || tarChecksumOk(head))
  ) {
    return { kind: 'tar' }
  }
  if (startsWith(head, AR)) return { kind: 'ar' }
  for (const [name, magic] of UNSUPPORTED)
    if (startsWith(head, magic)) return { kind: 'unsupported', name }
  if (isBzip2(head)) return { kind: 'unsupported', name: 'bzip2' }
  return { kind: 'unknown' }
}

/**
 * `BZh`, a block size digit, then the magic of a first block (the digits of pi) or of the end
 * of stream (of sqrt(pi)): three letters alone would make text files starting `BZh` archives.
 */
function isBzip2(h: Buffer): boolean {
  if (h.length < 10 || !startsWith(h, BZH) || h[3] < 0x31 || h[3] > 0x39) return false
  const block = h.toString('hex', 4, 10)
  return block === '314159265359' || block === '177245385090'
}

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b)
}

/** A pre-POSIX (v7) tar header has no magic: its checksum field is what identifies it. */
function tarChecksumOk(h: Buffer): boolean {
  const field = h
    .toString('latin1', 148, 156)
    .replace(/[\0 ]+$/, '')
    .trim()
  if (!/^[0-7]+$/.test(field)) return false
  let sum = 0
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]
  return sum === parseInt(field, 8) && h[0] !== 0
}
