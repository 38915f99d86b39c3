/** One member of a test ar archive (a .deb, a static library). */
export interface ArItem {
  name: string
  content: Buffer | string
}

/** An ar archive as `ar` and `dpkg-deb` write it: GNU names (`name/`), data padded to even. */
export function ar(items: ArItem[]): Buffer {
  const parts: Buffer[] = [Buffer.from('!<arch>\n')]
  for (const it of items) {
    const data = Buffer.from(it.content)
    const h = Buffer.alloc(60, 0x20)
    h.write(`${it.name}/`, 0, 16, 'latin1')
    h.write('0', 16, 'latin1')
    h.write('0', 28, 'latin1')
    h.write('0', 34, 'latin1')
    h.write('100644', 40, 'latin1')
    h.write(String(data.length), 48, 'latin1')
    h.write('`\n', 58, 'latin1')
    parts.push(h, data)
    if (data.length % 2) parts.push(Buffer.from('\n'))
  }
  return Buffer.concat(parts)
}
