import { crc32, deflateRawSync, gzipSync } from 'node:zlib'

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
export interface RawZipItem {
  name: string | Buffer
  content?: Buffer | string
  /** 0 stored, 8 deflate, anything else is written stored but labelled with this method. */
  method?: number
  /** General purpose flags (default: UTF-8 names, 0x800). */
  flags?: number
  /** The name in the local header, when it differs from the central directory's. */
  localName?: string | Buffer
  /** Sizes the central directory claims, when they lie. */
  centralSize?: number
  /** The size the local header claims, when it lies. */
  localSize?: number
  /** Leave it out of the central directory (a hidden entry). */
  hidden?: boolean
  /** Point the central directory at the local header of another item (overlapping entries). */
  sameDataAs?: number
  mode?: number
}

/** Builds a zip whose central directory and local headers say exactly what the items ask. */
export function rawZip(items: RawZipItem[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  const offsets: number[] = []
  let offset = 0
  let count = 0
  for (const it of items) {
    const data = Buffer.from(it.content ?? '')
    const method = it.method ?? 8
    const packed = method === 8 ? deflateRawSync(data) : data
    const flags = it.flags ?? 0x800
    const crc = crc32(data)
    const name = Buffer.from(it.name)
    const localName = Buffer.from(it.localName ?? it.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(it.localSize ?? data.length, 22)
    local.writeUInt16LE(localName.length, 26)
    offsets.push(offset)
    locals.push(local, localName, packed)
    const at = it.sameDataAs === undefined ? offset : offsets[it.sameDataAs]
    offset += 30 + localName.length + packed.length
    if (it.hidden) continue
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(0x031e, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(it.centralSize ?? data.length, 24)
    central.writeUInt16LE(name.length, 28)
    const mode = it.mode ?? (name.at(-1) === 0x2f ? 0o040755 : 0o100644)
    central.writeUInt32LE((mode << 16) >>> 0, 38)
    central.writeUInt32LE(at, 42)
    centrals.push(central, name)
    count++
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(count, 8)
  end.writeUInt16LE(count, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/** A small seeded PRNG (mulberry32): the same seed gives the same cases on every machine. */
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
