import { gzipSync } from 'node:zlib'

/** One entry of a test tarball; names are written raw, so hostile names can be built. */
export interface TarItem {
  name: string
  /** ustar type flag: '0' file, '1' hardlink, '2' symlink, '3' char dev, '4' block dev, '5' dir, '6' fifo. */
  type?: string
  mode?: number
  content?: Buffer | string
  linkname?: string
  /** Overrides the size field (to build lies). */
  size?: number
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`
}

function header(name: string, type: string, mode: number, size: number, linkname = ''): Buffer {
  const h = Buffer.alloc(512)
  h.write(name, 0, 100, 'utf8')
  h.write(octal(mode, 8), 100, 'latin1')
  h.write(octal(0, 8), 108, 'latin1')
  h.write(octal(0, 8), 116, 'latin1')
  h.write(octal(size, 12), 124, 'latin1')
  h.write(octal(1_700_000_000, 12), 136, 'latin1')
  h.write('        ', 148, 'latin1')
  h.write(type, 156, 'latin1')
  h.write(linkname, 157, 100, 'utf8')
  h.write('ustar\0', 257, 'latin1')
  h.write('00', 263, 'latin1')
  let sum = 0
  for (const b of h) sum += b
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return h
}

function pad(buf: Buffer): Buffer {
  const rest = buf.length % 512
  return rest === 0 ? buf : Buffer.concat([buf, Buffer.alloc(512 - rest)])
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`
  let len = body.length + 1
  while (`${len}${body}`.length !== len) len++
  return `${len}${body}`
}

/** Builds an uncompressed tar; `end: false` leaves out the end-of-archive marker. */
export function tar(items: TarItem[], opts: { end?: boolean } = {}): Buffer {
  const parts: Buffer[] = []
  for (const it of items) {
    const content = Buffer.from(it.content ?? '')
    const type = it.type ?? '0'
    const mode = it.mode ?? (type === '5' ? 0o755 : 0o644)
    if (Buffer.byteLength(it.name) > 100) {
      const pax = Buffer.from(paxRecord('path', it.name))
      parts.push(header('PaxHeader', 'x', 0o644, pax.length), pad(pax))
    }
    parts.push(header(it.name, type, mode, it.size ?? content.length, it.linkname))
    if (content.length) parts.push(pad(content))
  }
  if (opts.end !== false) parts.push(Buffer.alloc(1024))
  return Buffer.concat(parts)
}

/** A gzipped tar, as npm pack writes. */
export function tgz(items: TarItem[], opts: { end?: boolean } = {}): Buffer {
  return gzipSync(tar(items, opts))
}

/** An npm-style tarball: every name under `package/`. */
export function npmTgz(
  files: Record<string, string | Buffer>,
  mode: Record<string, number> = {},
): Buffer {
  return tgz(
    Object.entries(files).map(([name, content]) => ({
      name: `package/${name}`,
      content,
      mode: mode[name],
    })),
  )
}
