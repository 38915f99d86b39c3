import { gzipSync } from 'node:zlib'
import { describe, expect, test } from '@jest/globals'
import { STREAM_ABOVE } from '../src/sources/body.js'
import { Budget } from '../src/sources/limits.js'
import { DEFAULT_LIMITS } from '../src/config/defaults.js'
import { BodyQueue } from '../src/sources/tar/body-queue.js'
import { TarEntries } from '../src/sources/tar/entries.js'
import type { TarHeader } from '../src/sources/tar/parser.js'
import { readTar } from '../src/sources/tar/reader.js'
import type { Entry } from '../src/sources/types.js'
import { block, END, file } from './helpers/tar-blocks.js'

// readTar is three parts: TarReader feeds input to the parser as the consumer asks for more,
// TarEntries turns what the parser reads into entries, BodyQueue streams a large file's data.
// Each is tested here through its own promise; the whole reader against node-tar in
// tar-differential.test.ts.

const header = (name: string, size: number, more: Partial<TarHeader> = {}): TarHeader => ({
  kind: 'entry',
  name: { text: name, raw: name, valid: true },
  type: 'file',
  mode: 0o644,
  size,
  linkpath: '',
  skipped: false,
  ...more,
})

const budget = () => new Budget(DEFAULT_LIMITS)
const noMore = async () => false

describe('readTar', () => {
  const read = async (bytes: Buffer, top = (p: string) => p.split('/')[0]) => {
    const out: Entry[] = []
    const budget = new Budget(DEFAULT_LIMITS)
    for await (const e of readTar([bytes], { artifact: 't.tar', budget, top })) out.push(e)
    return out
  }

  test('a type npm passes over is an entry of type other, and does not decide the top folder', async () => {
    const bytes = Buffer.concat([
      block({ name: 'volume label', type: 'V' }),
      file('package/a.js', 'a'),
      END,
    ])
    expect((await read(bytes)).map((e) => [e.path, e.type])).toEqual([
      ['volume label', 'other'],
      ['a.js', 'file'],
    ])
  })

  test('damaged gzip met while a large file streams is named as such', async () => {
    const size = STREAM_ABOVE + 100_000
    const data = Buffer.from(Array.from({ length: size }, (_, i) => (i * 2654435761) >>> 24))
    const gz = gzipSync(Buffer.concat([file('package/big.bin', data), END]))
    const budget = new Budget(DEFAULT_LIMITS)
    const read = async () => {
      const input = [gz.subarray(0, gz.length - 50_000)]
      for await (const e of readTar(input, { artifact: 'cut.tgz', budget })) {
        if (e.body) for await (const c of e.body) void c
      }
    }
    await expect(read()).rejects.toThrow(
      'cut.tgz: corrupt or truncated gzip data (unexpected end of file)',
    )
  })
})

describe('TarEntries', () => {
  test('an entry waits for the next header, then is ready with its content', () => {
    const entries = new TarEntries({ artifact: 't', budget: budget() }, noMore)
    entries.onEntry(header('package/a.js', 5))
    entries.onData(Buffer.from('ab'))
    entries.onData(Buffer.from('cde'))
    entries.onEntryEnd()
    expect(entries.ready).toEqual([])
    entries.onEntry(header('package/b', 0, { type: 'symlink', linkpath: 'a.js' }))
    expect(entries.ready.map((e) => [e.path, e.content?.toString()])).toEqual([
      ['package/a.js', 'abcde'],
    ])
    entries.finish(true)
    expect(entries.ready.map((e) => [e.path, e.type, e.linkTarget])).toEqual([
      ['package/a.js', 'file', undefined],
      ['package/b', 'symlink', 'a.js'],
    ])
  })

  test('the top folder is decided by the first entry npm sees, and stripped', () => {
    const entries = new TarEntries(
      { artifact: 't', budget: budget(), top: (p) => p.split('/')[0] },
      noMore,
    )
    const read = (h: TarHeader) => {
      entries.onEntry(h)
      entries.onEntryEnd()
    }
    read(header('label', 0, { type: 'other', skipped: true }))
    read(header('./pkg/a.js', 0))
    read(header('pkg/', 0, { type: 'directory' }))
    read(header('other/b.js', 0))
    entries.finish(true)
    // The folder itself is no entry once stripped; what is not under it keeps its path.
    expect(entries.ready.map((e) => e.path)).toEqual(['label', 'a.js', 'other/b.js'])
  })

  test('trailing data rides on the last entry of a whole read, not on a failed one', () => {
    for (const whole of [true, false]) {
      const entries = new TarEntries({ artifact: 't', budget: budget() }, noMore)
      entries.onEntry(header('a', 0))
      entries.onEntryEnd()
      entries.onTrailing(Buffer.from([0, 0, 7]))
      entries.finish(whole)
      expect(entries.ready[0].issues?.map((i) => i.kind)).toEqual(
        whole ? ['trailing-data'] : undefined,
      )
    }
  })

  test('a file over STREAM_ABOVE is ready at its header; its body ends at the next header', async () => {
    const entries = new TarEntries({ artifact: 't', budget: budget() }, noMore)
    entries.onEntry(header('big', STREAM_ABOVE + 1))
    const [big] = entries.ready
    expect(big.content).toBeUndefined()
    entries.onData(Buffer.from('12'))
    entries.onData(Buffer.from('34'))
    entries.onEntryEnd()
    entries.onEntry(header('next', 0))
    const chunks: string[] = []
    for await (const c of big.body ?? []) chunks.push(c.toString())
    expect(chunks).toEqual(['12', '34'])
  })

  test('over max-entry-bytes, a file is not read; a negative or unreadable size fails the read', () => {
    const limits = { ...DEFAULT_LIMITS, maxEntryBytes: 10 }
    const entries = new TarEntries({ artifact: 't.tar', budget: new Budget(limits) }, noMore)
    entries.onEntry(header('big', 11))
    entries.onEntry(header('next', 0))
    expect(entries.ready[0].unreadable?.kind).toBe('limit')
    expect(() => entries.onEntry(header('bad', undefined as unknown as number))).toThrow(
      't.tar: corrupt tar: bad has a negative or unreadable size field',
    )
  })
})

describe('BodyQueue', () => {
  test('asks for more input until released; a consumer that stops early leaves the rest unkept', async () => {
    const queue = new BodyQueue()
    let asked = 0
    const more = async () => {
      asked++
      queue.push(Buffer.from(`c${asked}`))
      if (asked === 3) queue.released = true
      return true
    }
    const got: string[] = []
    for await (const c of queue.read(more)) got.push(c.toString())
    expect(got).toEqual(['c1', 'c2', 'c3'])

    const left = new BodyQueue()
    left.push(Buffer.from('a'))
    left.push(Buffer.from('b'))
    for await (const c of left.read(noMore)) if (c) break
    left.push(Buffer.from('c'))
    const rest: Buffer[] = []
    for await (const c of left.read(noMore)) rest.push(c)
    expect(rest).toEqual([])
  })
})

describe('readTar input', () => {
  test('a consumer that stops early stops the input, pulled only as far as needed', async () => {
    const bytes = Buffer.concat([file('a', '1'), file('b', '2'), END])
    let pulled = 0
    let stopped = false
    async function* input() {
      try {
        for (let i = 0; i < bytes.length; i += 512) {
          pulled++
          yield bytes.subarray(i, i + 512)
        }
      } finally {
        stopped = true
      }
    }
    for await (const e of readTar(input(), { artifact: 't', budget: budget() })) if (e) break
    expect(stopped).toBe(true)
    // The first entry is handed on once the next header says it is over.
    expect(pulled).toBe(3)
  })
})
