import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { findEnd } from '../src/sources/zip-layout.js'
import { fileSource, readAhead, type ByteSource } from '../src/sources/zip-source.js'
import { checkBytes } from './helpers/check.js'
import { tempDir } from './helpers/fs.js'
import { rawZip } from './helpers/zip.js'

const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `pkg/d${i % 30}/f${i}.js`, content: `x=${i}\n` }))

/** A file source that counts the reads that reach the file. */
async function counted(bytes: Buffer): Promise<{ src: ByteSource; reads: () => number }> {
  const file = join(await tempDir(), 'a.zip')
  await writeFile(file, bytes)
  const src = await fileSource(file)
  let n = 0
  return {
    src: { ...src, read: (p, l) => (n++, src.read(p, l)) },
    reads: () => n,
  }
}

describe('zip reading per entry', () => {
  test('small reads come from windows read ahead, whatever the order, with the same bytes', async () => {
    const bytes = rawZip(items(3000))
    const { src, reads } = await counted(bytes)
    const ahead = readAhead(src)
    let pos = 0
    while (pos < bytes.length) {
      expect((await ahead.read(pos, 120)).equals(bytes.subarray(pos, pos + 120))).toBe(true)
      pos += 97
    }
    expect(reads()).toBeLessThanOrEqual(Math.ceil(bytes.length / (1024 * 1024)) + 1)
    // Alternating between two places (headers and a directory on disk) does not thrash.
    const before = reads()
    for (let i = 0; i < 1000; i++) {
      const p = i % 2 ? 10 + i : bytes.length - 5000 + i
      expect((await ahead.read(p, 64)).equals(bytes.subarray(p, p + 64))).toBe(true)
    }
    expect(reads() - before).toBeLessThanOrEqual(2)
    // Past the end: what is there, as the file gives it.
    expect((await ahead.read(bytes.length - 10, 64)).length).toBe(10)
    expect((await ahead.read(bytes.length + 5, 64)).length).toBe(0)
    await src.close()
  })

  test('a zip64 archive: its directory is found, read at once, and its gaps reported', async () => {
    const zip64 = rawZip(items(2000), { zip64: true })
    const { src, reads } = await counted(zip64)
    expect(await findEnd(src)).toEqual({
      prefix: 0,
      centralStart: zip64.indexOf(Buffer.from([0x50, 0x4b, 1, 2])),
    })
    expect(reads()).toBe(2)
    await src.close()
    const r = await checkBytes('a.zip', zip64)
    expect(r.artifacts[0].files).toBe(2000)
    expect(r.findings).toEqual([])
    const hidden = rawZip([...items(5), { name: 'secret.txt', content: 'x', hidden: true }], {
      zip64: true,
    })
    const h = await checkBytes('h.zip', hidden)
    expect(h.findings.map((f) => f.rule)).toEqual(['archive/trailing-data'])
  })
})
