import { gzipSync } from 'node:zlib'

/** One raw tar entry: the name may be any bytes, and the size field any bytes (to build lies). */
export interface RawTarItem {
  name: string | Buffer
  type?: string
  content?: Buffer | string
  linkname?: string
  /** The 12-byte size field as written (base-256 negative or huge sizes). */
  sizeField?: Buffer
}

/** A ustar header block; the checksum is computed unless `badChecksum`. */
export function tarHeader(it: RawTarItem, size: number, badChecksum = false): Buffer {
  const h = Buffer.alloc(512)
  Buffer.from(it.name).copy(h, 0, 0, 100)
  h.write('0000644\0', 100, 'latin1')
  h.write('0000000\0', 108, 'latin1')
  h.write('0000000\0', 116, 'latin1')
  if (it.sizeField) it.sizeField.copy(h, 124, 0, 12)
  else h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1')
  h.write('14544000000\0', 136, 'latin1')
  h.write('        ', 148, 'latin1')
  h.write(it.type ?? '0', 156, 'latin1')
  if (it.linkname) h.write(it.linkname, 157, 100, 'utf8')
  h.write('ustar\0', 257, 'latin1')
  h.write('00', 263, 'latin1')
  let sum = 0
  for (const b of h) sum += b
  if (badChecksum) sum += 1
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return h
}

const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)])

/** A plain tar from raw items; `end: false` leaves out the end marker, `after` follows it. */
export function rawTar(items: RawTarItem[], opts: { end?: boolean; after?: Buffer } = {}): Buffer {
  const parts: Buffer[] = []
  for (const it of items) {
    const content = Buffer.from(it.content ?? '')
    parts.push(tarHeader(it, content.length))
    if (content.length) parts.push(pad(content))
  }
  if (opts.end !== false) parts.push(Buffer.alloc(1024))
  if (opts.after) parts.push(opts.after)
  return Buffer.concat(parts)
}

/**
 * A gzipped tar holding one file of `gib` GiB of zeros, built without ever holding it: one gzip
 * member of 64 MiB of zeros (about 64 KB), repeated. gunzip (and npm) reads every member.
 */
export function zeroBomb(gib: number, name = 'package/zeros'): Buffer {
  const size = gib * 1024 ** 3
  const head = Buffer.from(gzipSync(tarHeader({ name, sizeField: base256(size) }, 0)))
  const member = gzipSync(Buffer.alloc(64 * 1024 ** 2), { level: 9 })
  const members = Array.from({ length: gib * 16 }, () => member)
  return Buffer.concat([head, ...members, gzipSync(Buffer.alloc(1024))])
}

/** A tar size field in base-256 (GNU): any size, or a negative one. */
export function base256(n: number): Buffer {
  const b = Buffer.alloc(12)
  if (n < 0) {
    b.fill(0xff)
    let v = -n - 1
    for (let i = 11; i > 0 && v > 0; i--, v = Math.floor(v / 256)) b[i] = 0xff - (v % 256)
    return b
  }
  b[0] = 0x80
  for (let i = 11, v = n; i > 0 && v > 0; i--, v = Math.floor(v / 256)) b[i] = v % 256
  return b
}

/** One entry of a hostile zip: everything the central directory and local header say can differ. */
export { rawZip, type RawZipItem } from './zip.js'

export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
