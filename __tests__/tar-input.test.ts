import { describe, expect, test } from '@jest/globals'
import { readdirSync, writeFileSync } from 'node:fs'
import { open as openFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { DEFAULT_LIMITS } from '../src/config/defaults.js'
import { openArtifact } from '../src/sources/open.js'
import { fileChunks } from '../src/sources/file-chunks.js'
import { gunzipped } from '../src/sources/tar/gzip.js'
import { tempDir } from './helpers/fs.js'
import { prng } from './helpers/hostile.js'
import { npmTgz, tgz } from './helpers/tar.js'

// The input side of a tar read. A gzipped tarball is read into two buffers in turn (fresh memory
// for every piece costs a page fault per 4 KiB): these tests check that no byte is lost or
// overwritten on the way to zlib, and that the file is closed however the read ends.

/** Text that compresses, but not so well that the gzip fits in a few pieces. */
function text(bytes: number, seed: number): Buffer {
  const rnd = prng(seed)
  const words = Array.from({ length: 512 }, () => Math.floor(rnd() * 2 ** 32).toString(36) + ' ')
  const out: string[] = []
  for (let n = 0; n < bytes;) n += out[out.push(words[Math.floor(rnd() * words.length)]) - 1].length
  return Buffer.from(out.join('').slice(0, bytes))
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const copies: Buffer[] = []
  for await (const c of chunks) copies.push(Buffer.from(c))
  return Buffer.concat(copies)
}

const openFds = () => readdirSync('/proc/self/fd').length

describe('fileChunks', () => {
  test.each([0, 1, 4095, 4096, 4097, 50_000])(
    'a file of %i bytes is read whole, in pieces that share two buffers',
    async (size) => {
      const file = join(await tempDir(), 'f')
      const bytes = text(size, size)
      writeFileSync(file, bytes)
      const buffers = new Set<ArrayBufferLike>()
      const copies: Buffer[] = []
      for await (const c of fileChunks(file, 4096, { reuse: true })) {
        expect(c.length).toBeGreaterThan(0)
        buffers.add(c.buffer)
        copies.push(Buffer.from(c))
      }
      expect(Buffer.concat(copies).equals(bytes)).toBe(true)
      expect(buffers.size).toBeLessThanOrEqual(2)
    },
  )

  test('without reuse, every piece keeps its bytes', async () => {
    const file = join(await tempDir(), 'f')
    const bytes = text(50_000, 7)
    writeFileSync(file, bytes)
    const kept: Buffer[] = []
    for await (const c of fileChunks(file, 4096, { reuse: false })) kept.push(c)
    // Read after the last piece: a reused buffer would have been overwritten by then.
    expect(Buffer.concat(kept).equals(bytes)).toBe(true)
  })

  test('stopping early closes the file', async () => {
    const file = join(await tempDir(), 'f')
    writeFileSync(file, text(100_000, 3))
    const before = openFds()
    for await (const c of fileChunks(file, 4096, { reuse: true })) if (c.length) break
    expect(openFds()).toBe(before)
  })

  test('a read that fails while the last piece is still in use is an error, not a crash', async () => {
    const file = join(await tempDir(), 'f')
    writeFileSync(file, text(50_000, 4))
    const probe = await openFile(file, 'r')
    const proto = Object.getPrototypeOf(probe) as { read: (...args: unknown[]) => Promise<unknown> }
    await probe.close()
    const original = proto.read
    let calls = 0
    // The failed read-ahead: Node ends the process on a rejection nobody handles by the end of
    // the tick, so a handler must be on it at once, long before the consumer asks for it.
    let failed: { handled: boolean } | undefined
    proto.read = function (this: unknown, ...args: unknown[]) {
      if (++calls !== 2) return original.apply(this, args)
      const p = Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))
      const state: { handled: boolean } = { handled: false }
      failed = state
      const then = p.then.bind(p)
      p.then = ((...a: Parameters<typeof p.then>) => {
        state.handled = true
        return then(...a)
      }) as typeof p.then
      return p
    }
    try {
      const slow = async () => {
        for await (const c of fileChunks(file, 4096, { reuse: true })) {
          expect(c.length).toBeGreaterThan(0)
          expect(failed?.handled).toBe(true)
          await new Promise((r) => setTimeout(r, 20))
        }
      }
      await expect(slow()).rejects.toThrow(/EIO/)
    } finally {
      proto.read = original
    }
  })

  test('a path that cannot be read is an error', async () => {
    const dir = await tempDir()
    await expect(collect(fileChunks(dir, 4096, { reuse: true }))).rejects.toThrow(/EISDIR/)
    await expect(collect(fileChunks(join(dir, 'none'), 4096, { reuse: true }))).rejects.toThrow(
      /ENOENT/,
    )
  })
})

describe('gunzipped', () => {
  test.each([512, 4096, 65_536])(
    'unpacks what was read in reused pieces of %i bytes exactly',
    async (piece) => {
      const file = join(await tempDir(), 'f.gz')
      const plain = text(1_500_000, piece)
      // Several members, as npm reads them all.
      writeFileSync(
        file,
        Buffer.concat([gzipSync(plain.subarray(0, 500_000)), gzipSync(plain.subarray(500_000))]),
      )
      const out = await collect(gunzipped(fileChunks(file, piece, { reuse: true })))
      expect(out.length).toBe(plain.length)
      expect(out.equals(plain)).toBe(true)
    },
  )

  test('damaged input is an error, and the file is closed', async () => {
    const file = join(await tempDir(), 'f.gz')
    const gz = gzipSync(text(200_000, 9))
    gz[gz.length >> 1] ^= 0xff
    writeFileSync(file, gz)
    const before = openFds()
    await expect(collect(gunzipped(fileChunks(file, 4096, { reuse: true })))).rejects.toThrow()
    await new Promise((r) => setTimeout(r, 20))
    expect(openFds()).toBe(before)
  })

  test('a consumer that stops early stops the reading too', async () => {
    const file = join(await tempDir(), 'f.gz')
    writeFileSync(file, gzipSync(text(1_500_000, 5)))
    const before = openFds()
    for await (const c of gunzipped(fileChunks(file, 4096, { reuse: true }))) if (c.length) break
    await new Promise((r) => setTimeout(r, 20))
    expect(openFds()).toBe(before)
  })
})

describe('a tarball read is always closed', () => {
  const open = (file: string) => openArtifact(file, { limits: DEFAULT_LIMITS, pack: true })
  const files = Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [`lib/f${i}.js`, text(40_000, i).toString()]),
  )

  test.each(['p.tgz', 'p.tar'])(
    '%s, when the consumer stops after the first entry',
    async (name) => {
      const file = join(await tempDir(), name)
      writeFileSync(file, name.endsWith('.tar') ? gunzipSync(npmTgz(files)) : npmTgz(files))
      const before = openFds()
      for await (const e of (await open(file)).entries) if (e.path) break
      expect(openFds()).toBe(before)
    },
  )

  test('when the tar inside fails to parse', async () => {
    const file = join(await tempDir(), 'p.tgz')
    const good = npmTgz(files)
    const plain = gunzipSync(good)
    plain.fill(0x41, 5 * 40_960, 5 * 40_960 + 512) // the sixth header made garbage
    writeFileSync(file, gzipSync(plain))
    const before = openFds()
    const read = async () => {
      for await (const e of (await open(file)).entries) void e
    }
    await expect(read()).rejects.toThrow(/p\.tgz/)
    expect(openFds()).toBe(before)
  })

  test('when the gzip is cut short', async () => {
    const file = join(await tempDir(), 'p.tgz')
    const whole = tgz(Object.entries(files).map(([name, content]) => ({ name, content })))
    writeFileSync(file, whole.subarray(0, whole.length >> 1))
    const before = openFds()
    const read = async () => {
      for await (const e of (await open(file)).entries) void e
    }
    await expect(read()).rejects.toThrow(/truncated|corrupt/)
    expect(openFds()).toBe(before)
  })
})
