import * as zlib from 'node:zlib'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

let table: Uint32Array | undefined

/** CRC-32 (IEEE) of a latin1 string: zlib's when the runtime has it (node 20.15+), else a table. */
export function crc32(text: string): number {
  const native = (zlib as { crc32?: (data: string | Buffer) => number }).crc32
  if (native) return native(Buffer.from(text, 'latin1'))
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  let crc = 0xffffffff
  for (let i = 0; i < text.length; i++) crc = table[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** `n` in base62 (0-9A-Za-z), left-padded with zeros to `width`. */
export function base62(n: number, width = 6): string {
  let out = ''
  for (let v = n; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out
  return out.padStart(width, '0')
}

/**
 * The GitHub / npm token checksum: the last 6 characters are the base62 CRC-32 of the random
 * part before them (github.blog, "Behind GitHub's new authentication token formats", 2021).
 */
export function crcChecksum(random: string): string {
  return base62(crc32(random))
}
