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
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const it of items) {
    const name = Buffer.from(it.name)
    const data = Buffer.from(it.content ?? '')
    const method = it.method ?? 8
    const packed = method === 8 ? deflateRawSync(data) : data
    // Traditional encryption puts a 12-byte header before the data.
    const stored = it.encrypted ? Buffer.concat([Buffer.alloc(12), packed]) : packed
    const crc = crc32(data)
    const flags = 0x800 | (it.encrypted ? 1 : 0)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(stored.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, stored)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(0x031e, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(stored.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    const mode = it.mode ?? (it.name.endsWith('/') ? 0o040755 : 0o100644)
    central.writeUInt32LE((mode << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + name.length + stored.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(items.length, 8)
  end.writeUInt16LE(items.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
