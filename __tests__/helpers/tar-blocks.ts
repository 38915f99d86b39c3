/**
 * Tar archives built block by block, for tests that need headers no archiver writes: odd field
 * spellings, bad checksums, pax and GNU records, base-256 sizes.
 */

export interface Block {
  name?: string | Buffer
  mode?: string
  size?: number | Buffer
  type?: string | number
  linkname?: string | Buffer
  /** 'ustar' (POSIX, the default), 'gnu' (`ustar  \0`) or 'none'. */
  magic?: 'ustar' | 'gnu' | 'none'
  prefix?: string | Buffer
  /** The checksum field as written; default: the right unsigned sum. */
  cksum?: 'signed' | 'bad' | Buffer
}

/** One header block: a ustar file header unless told otherwise, its checksum right by default. */
export function block(b: Block): Buffer {
  const h = Buffer.alloc(512)
  Buffer.from(b.name ?? 'a.txt').copy(h, 0, 0, 100)
  h.write(b.mode ?? '0000644\0', 100, 'latin1')
  h.write('0000000\0', 108, 'latin1')
  h.write('0000000\0', 116, 'latin1')
  if (Buffer.isBuffer(b.size)) b.size.copy(h, 124, 0, 12)
  else h.write(`${(b.size ?? 0).toString(8).padStart(11, '0')}\0`, 124, 'latin1')
  h.write('14544000000\0', 136, 'latin1')
  h[156] = typeof b.type === 'number' ? b.type : (b.type ?? '0').charCodeAt(0)
  Buffer.from(b.linkname ?? '').copy(h, 157, 0, 100)
  const magic = b.magic ?? 'ustar'
  if (magic === 'ustar') h.write('ustar\u000000', 257, 'latin1')
  if (magic === 'gnu') h.write('ustar  \0', 257, 'latin1')
  if (b.prefix) Buffer.from(b.prefix).copy(h, 345, 0, 155)
  h.fill(0x20, 148, 156)
  let sum = 0
  for (const x of h) sum += x
  if (b.cksum === 'signed') {
    sum = 0
    for (const x of h) sum += x > 127 ? x - 256 : x
  }
  if (b.cksum === 'bad') sum += 1
  if (Buffer.isBuffer(b.cksum)) b.cksum.copy(h, 148, 0, 8)
  else h.write(`${(sum >>> 0).toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return h
}

export const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)])

/** A file entry: its header, then its data padded to a block. */
export function file(name: string | Buffer, content: string | Buffer, more: Block = {}): Buffer {
  const data = Buffer.from(content)
  return Buffer.concat([block({ name, size: data.length, ...more }), pad(data)])
}

export function paxRecord(key: string, value: string | Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(` ${key}=`), Buffer.from(value), Buffer.from('\n')])
  let len = body.length + 1
  while (String(len).length + body.length !== len) len++
  return Buffer.concat([Buffer.from(String(len)), body])
}

/** A pax ('x', 'g') or GNU ('L', 'K') record that applies to the next entry (or all). */
export function meta(type: string, data: Buffer | string): Buffer {
  const bytes = Buffer.from(data)
  const name = type === 'L' || type === 'K' ? '././@LongLink' : 'PaxHeader/x'
  return Buffer.concat([
    block({
      name,
      type,
      size: bytes.length,
      magic: type === 'L' || type === 'K' ? 'gnu' : 'ustar',
    }),
    pad(bytes),
  ])
}

export const END = Buffer.alloc(1024)

export const LONG = `package/${'long-folder-name/'.repeat(8)}deep-file.js`

/** An archive with pax, GNU and ustar-prefix names, links, an old-style folder and data over a block. */
export function mixed(): Buffer {
  return Buffer.concat([
    meta('g', paxRecord('comment', 'global')),
    file('package/package.json', '{"name":"x"}'),
    meta('x', Buffer.concat([paxRecord('path', LONG), paxRecord('mtime', '1700000000.5')])),
    file('ignored-short-name', 'pax named me'),
    meta('L', `${LONG}.gnu\0`),
    file('././@LongLink', 'y'.repeat(700), { magic: 'gnu' }),
    meta('K', `${'t/'.repeat(60)}target\0`),
    block({ name: 'package/link', type: '2', linkname: 'truncated-target' }),
    block({ name: 'deep.js', prefix: 'package/in/a/prefix', size: 3 }),
    pad(Buffer.from('abc')),
    block({ name: 'package/old-dir/', type: 0 }),
    meta('x', paxRecord('linkpath', `../${'x'.repeat(120)}`)),
    block({ name: 'package/hard', type: '1', linkname: 'package/package.json' }),
    file('package/empty', ''),
    END,
  ])
}

/** Rewrites the checksum of the header at `header` to match its bytes. */
export function fixChecksum(bytes: Buffer, header: number): void {
  if (header + 512 > bytes.length) return
  bytes.fill(0x20, header + 148, header + 156)
  let sum = 0
  for (let i = header; i < header + 512; i++) sum += bytes[i]
  bytes.write(`${sum.toString(8).padStart(6, '0')}\0 `, header + 148, 'latin1')
}
