import { crc32, deflateRawSync } from 'node:zlib'

/** One entry of a test zip. */
export interface ZipItem {
  name: string
  content?: Buffer | string
  /** Unix mode including the file type bits (e.g. 0o100755, 0o120777 for a symlink). */
  mode?: number
  method?: 0 | 8
  /** Sets the encryption flag (the data stays plain: enough to prove it is not read). */
  encrypted?: boolean
}

/** Builds a zip with a central directory, as zip tools write it. */
export function zip(items: ZipItem[]): Buffer {
  return rawZip(items)
}

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
  /** Sets the encryption flag (the data stays plain: enough to prove it is not read). */
  encrypted?: boolean
  /** Extra fields, written in both the local header and the central directory. */
  extra?: Buffer
  /** The local header's extra fields, when they differ from the central directory's. */
  localExtra?: Buffer
}

/** An Info-ZIP Unicode Path extra field (0x7075) naming `unicode` for the header name `name`. */
export function unicodePathField(name: string | Buffer, unicode: string, crc?: number): Buffer {
  const u = Buffer.from(unicode)
  const f = Buffer.alloc(9)
  f.writeUInt16LE(0x7075, 0)
  f.writeUInt16LE(5 + u.length, 2)
  f[4] = 1
  f.writeUInt32LE(crc ?? crc32(Buffer.from(name)), 5)
  return Buffer.concat([f, u])
}

/**
 * Builds a zip whose central directory and local headers say exactly what the items ask. With
 * `zip64`, the end record points to a zip64 end record, as zip tools write past 65,535 entries.
 */
export function rawZip(items: RawZipItem[], opts: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  const offsets: number[] = []
  let offset = 0
  let count = 0
  for (const it of items) {
    const data = Buffer.from(it.content ?? '')
    const method = it.method ?? 8
    const deflated = method === 8 ? deflateRawSync(data) : data
    // Traditional encryption puts a 12-byte header before the data.
    const packed = it.encrypted ? Buffer.concat([Buffer.alloc(12), deflated]) : deflated
    const flags = it.flags ?? 0x800 | (it.encrypted ? 1 : 0)
    const crc = crc32(data)
    const name = Buffer.from(it.name)
    const localName = Buffer.from(it.localName ?? it.name)
    const extra = it.extra ?? Buffer.alloc(0)
    const localExtra = it.localExtra ?? extra
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(it.localSize ?? data.length, 22)
    local.writeUInt16LE(localName.length, 26)
    local.writeUInt16LE(localExtra.length, 28)
    offsets.push(offset)
    locals.push(local, localName, localExtra, packed)
    const at = it.sameDataAs === undefined ? offset : offsets[it.sameDataAs]
    offset += 30 + localName.length + localExtra.length + packed.length
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
    central.writeUInt16LE(extra.length, 30)
    const mode = it.mode ?? (name.at(-1) === 0x2f ? 0o040755 : 0o100644)
    central.writeUInt32LE((mode << 16) >>> 0, 38)
    central.writeUInt32LE(at, 42)
    centrals.push(central, name, extra)
    count++
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(opts.zip64 ? 0xffff : count, 8)
  end.writeUInt16LE(opts.zip64 ? 0xffff : count, 10)
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : cd.length, 12)
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 16)
  if (!opts.zip64) return Buffer.concat([...locals, cd, end])
  const record = Buffer.alloc(56)
  record.writeUInt32LE(0x06064b50, 0)
  record.writeBigUInt64LE(44n, 4)
  record.writeUInt16LE(45, 12)
  record.writeUInt16LE(45, 14)
  record.writeBigUInt64LE(BigInt(count), 24)
  record.writeBigUInt64LE(BigInt(count), 32)
  record.writeBigUInt64LE(BigInt(cd.length), 40)
  record.writeBigUInt64LE(BigInt(offset), 48)
  const locator = Buffer.alloc(20)
  locator.writeUInt32LE(0x07064b50, 0)
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8)
  locator.writeUInt32LE(1, 16)
  return Buffer.concat([...locals, cd, record, locator, end])
}

/** A small seeded PRNG (mulberry32): the same seed gives the same cases on every machine. */
