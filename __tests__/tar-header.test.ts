import { gzipSync } from 'node:zlib'
import { describe, expect, test } from '@jest/globals'
import { Parser, type ReadEntry } from 'tar'
import { STREAM_ABOVE } from '../src/sources/body.js'
import { Budget, DEFAULT_LIMITS } from '../src/sources/limits.js'
import { TarParser, type TarHeader } from '../src/sources/tar/parser.js'
import { readTar } from '../src/sources/tar/reader.js'
import type { Entry } from '../src/sources/types.js'
import { base256, prng } from './helpers/hostile.js'

// TarParser must read what node-tar's strict Parser reads (what npm extracts): these tests build
// archives byte by byte, and the last ones compare both parsers on mutated archives.

interface Block {
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

function block(b: Block): Buffer {
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

const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)])

/** A file entry: its header, then its data padded to a block. */
function file(name: string | Buffer, content: string | Buffer, more: Block = {}): Buffer {
  const data = Buffer.from(content)
  return Buffer.concat([block({ name, size: data.length, ...more }), pad(data)])
}

function paxRecord(key: string, value: string | Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(` ${key}=`), Buffer.from(value), Buffer.from('\n')])
  let len = body.length + 1
  while (String(len).length + body.length !== len) len++
  return Buffer.concat([Buffer.from(String(len)), body])
}

/** A pax ('x', 'g') or GNU ('L', 'K') record that applies to the next entry (or all). */
function meta(type: string, data: Buffer | string): Buffer {
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

const END = Buffer.alloc(1024)

type Event = ['entry', Record<string, unknown>] | ['error', string] | ['eof']

interface Seen {
  events: Event[]
  /** What followed the end marker, as the parser was given it. */
  rest: Buffer
}

/** Runs TarParser over `bytes` cut into `chunks` (piece lengths, cycled), recording what it says. */
function ours(bytes: Buffer, chunks: number[] = [bytes.length || 1]): Seen {
  const events: Event[] = []
  let data: Buffer[] = []
  const rest: Buffer[] = []
  const parser = new TarParser({
    onEntry(h: TarHeader) {
      data = []
      events.push(['entry', { ...view(h), data }])
    },
    onData(c) {
      data.push(c)
    },
    onEntryEnd() {},
    onEnd() {
      events.push(['eof'])
    },
    onTrailing(bytes) {
      rest.push(bytes)
    },
  })
  try {
    for (let at = 0, k = 0; at < bytes.length; k++) {
      const piece = bytes.subarray(at, at + chunks[k % chunks.length])
      at += piece.length
      parser.write(piece)
    }
    parser.end()
  } catch (err) {
    events.push(['error', (err as Error).message])
  }
  return { events: settle(events), rest: Buffer.concat(rest) }
}

const view = (h: TarHeader) => ({
  path: h.name.text,
  type: h.type,
  mode: (h.mode ?? 0) & 0o7777,
  size: h.size,
  linkpath: h.linkpath,
})

/** Entry data joined (as hex, so a diff reads), and truncation counts left out. */
function settle(events: Event[]): Event[] {
  return events.map((e) => {
    if (e[0] === 'entry') return ['entry', { ...e[1], data: hex(e[1].data as Buffer[]) }]
    if (e[0] === 'error') return ['error', e[1].replace(/^(Truncated input).*/, '$1')]
    return e
  })
}

const hex = (parts: Buffer[]) => Buffer.concat(parts).toString('hex')

const TYPES: Record<string, string> = {
  File: 'file',
  OldFile: 'file',
  ContiguousFile: 'file',
  Directory: 'directory',
  SymbolicLink: 'symlink',
  Link: 'hardlink',
  CharacterDevice: 'char-device',
  BlockDevice: 'block-device',
  FIFO: 'fifo',
}

/**
 * What node-tar's strict Parser (npm's) makes of the same bytes, given in one piece (node-tar
 * decodes pax records piece by piece), up to its first error: it reads on after one, we stop.
 */
function nodeTar(bytes: Buffer): Seen {
  const events: Event[] = []
  const parser = new Parser({ strict: true, zstd: false, maxDecompressionRatio: Infinity })
  parser.on('entry', (re: ReadEntry) => {
    const data: Buffer[] = []
    events.push([
      'entry',
      {
        path: re.path,
        type: TYPES[re.type] ?? 'other',
        mode: (re.mode ?? 0) & 0o7777,
        size: re.header.size,
        linkpath: re.linkpath ?? '',
        data,
      },
    ])
    re.on('data', (c: Buffer) => data.push(c))
  })
  parser.on('error', (err: Error) => {
    events.push(['error', err.message.replace(/^TAR_[A-Z_]+: /, '')])
  })
  parser.on('eof', () => events.push(['eof']))
  parser.write(bytes)
  parser.end()
  const slot = Object.getOwnPropertySymbols(parser).find((s) => s.description === 'buffer')
  const buffered = slot ? (parser as unknown as Record<symbol, unknown>)[slot] : undefined
  const failed = events.findIndex((e) => e[0] === 'error')
  const kept = failed < 0 ? events : events.slice(0, failed + 1)
  const sawEof = kept.some((e) => e[0] === 'eof')
  return {
    events: settle(kept),
    rest: sawEof && Buffer.isBuffer(buffered) ? buffered : Buffer.alloc(0),
  }
}

/** Our events without the entries node-tar skips unseen (types it does not know): we yield them as 'other'. */
function withoutOther(seen: Seen, bytes: Buffer): Seen {
  const known = new Set(nodeTar(bytes).events.map((e) => JSON.stringify(e)))
  return {
    ...seen,
    events: seen.events.filter(
      (e) => !(e[0] === 'entry' && e[1].type === 'other' && !known.has(JSON.stringify(e))),
    ),
  }
}

const LONG = `package/${'long-folder-name/'.repeat(8)}deep-file.js`

/** An archive with pax, GNU and ustar-prefix names, links, an old-style folder and data over a block. */
function mixed(): Buffer {
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

describe('TarParser reads what node-tar reads', () => {
  test('an archive with pax and GNU names, prefixes and links', () => {
    const bytes = mixed()
    const seen = ours(bytes)
    expect(seen.events.map((e) => (e[0] === 'entry' ? [e[1].path, e[1].type] : e))).toEqual([
      ['package/package.json', 'file'],
      [LONG, 'file'],
      [`${LONG}.gnu`, 'file'],
      ['package/link', 'symlink'],
      ['package/in/a/prefix/deep.js', 'file'],
      ['package/old-dir/', 'directory'],
      ['package/hard', 'hardlink'],
      ['package/empty', 'file'],
      ['eof'],
    ])
    expect(seen).toEqual(nodeTar(bytes))
  })

  test('every chunking gives the same entries, data and end', () => {
    const bytes = mixed()
    const whole = ours(bytes)
    const same = (seen: Seen) => JSON.stringify(seen) === JSON.stringify(whole)
    for (let cut = 1; cut < bytes.length; cut++) {
      const two = ours(bytes, [cut, bytes.length])
      if (!same(two)) expect([cut, two]).toEqual([cut, whole])
    }
    expect(ours(bytes, [1])).toEqual(whole)
    const rand = prng(7)
    for (let k = 0; k < 200; k++) {
      const sizes = Array.from({ length: 8 }, () => 1 + Math.floor(rand() * 1500))
      const seen = ours(bytes, sizes)
      if (!same(seen)) expect([sizes, seen]).toEqual([sizes, whole])
    }
  })

  test('a header split across chunks is read whole', () => {
    const bytes = Buffer.concat([file('a.js', 'a'), file('b.js', 'b'), END])
    for (const cuts of [[1024 + 100], [1024 + 300, 10, 1], [1024 + 511], [1025, 511]]) {
      expect(ours(bytes, [...cuts, 4096]).events).toEqual(ours(bytes).events)
    }
  })

  test('data comes as views of the input, never copies', () => {
    const input = Buffer.concat([file('a.bin', Buffer.alloc(3000, 7)), END])
    const views: Buffer[] = []
    const parser = new TarParser({
      onEntry() {},
      onData: (c) => views.push(c),
      onEntryEnd() {},
      onEnd() {},
    })
    parser.write(input.subarray(0, 2000))
    parser.write(input.subarray(2000))
    expect(views.map((v) => v.length)).toEqual([1488, 1512])
    expect(views.every((v) => v.buffer === input.buffer)).toBe(true)
  })

  test('base-256 sizes: positive ones are read, negative ones and bad encodings are not', () => {
    const big = Buffer.concat([
      block({ name: 'big', size: base256(1000) }),
      pad(Buffer.alloc(1000, 1)),
      END,
    ])
    expect(ours(big).events[0]).toEqual([
      'entry',
      expect.objectContaining({ path: 'big', size: 1000 }),
    ])
    expect(ours(big)).toEqual(nodeTar(big))
    // A negative size is no size: no data is read, and what follows is parsed as headers.
    const negative = Buffer.concat([block({ name: 'neg', size: base256(-5) }), END])
    expect(ours(negative).events[0]).toEqual([
      'entry',
      expect.objectContaining({ path: 'neg', size: undefined, data: '' }),
    ])
    expect(ours(negative)).toEqual(nodeTar(negative))
    const bad = Buffer.from(base256(1000))
    bad[0] = 0x81
    const invalid = Buffer.concat([block({ name: 'bad', size: bad }), END])
    expect(ours(invalid).events).toEqual([['error', 'invalid base256 encoding']])
    expect(ours(invalid)).toEqual(nodeTar(invalid))
    const huge = Buffer.concat([block({ name: 'huge', size: base256(2 ** 60) }), END])
    expect(ours(huge).events).toEqual([
      ['error', 'parsed number outside of javascript safe integer range'],
    ])
    expect(ours(huge)).toEqual(nodeTar(huge))
  })

  test('null blocks: one alone is skipped, two in a row end the archive', () => {
    const one = Buffer.concat([file('a', '1'), Buffer.alloc(512), file('b', '2'), END])
    expect(ours(one).events.map((e) => (e[0] === 'entry' ? e[1].path : e[0]))).toEqual([
      'a',
      'b',
      'eof',
    ])
    expect(ours(one)).toEqual(nodeTar(one))
    // What follows the marker is not parsed, only handed back.
    const after = Buffer.concat([file('a', '1'), END, file('hidden', 'x')])
    const seen = ours(after, [700, 100000])
    expect(seen.events.map((e) => e[0])).toEqual(['entry', 'eof'])
    expect(seen.rest).toEqual(file('hidden', 'x'))
    expect(seen).toEqual(nodeTar(after))
    // One null block at the end is no end marker (the reader then reports it missing).
    expect(ours(Buffer.concat([file('a', '1'), Buffer.alloc(512)])).events).toEqual([
      ['entry', expect.objectContaining({ path: 'a' })],
    ])
    // Two null blocks and nothing else: no tar, as node-tar says.
    expect(ours(END).events).toEqual([['eof'], ['error', 'Unrecognized archive format']])
    expect(ours(END)).toEqual(nodeTar(END))
    expect(ours(Buffer.from('short')).events).toEqual([['error', 'Unrecognized archive format']])
  })

  test('checksums: the unsigned sum with the field as spaces, nothing else', () => {
    const name = Buffer.from([0x61, 0xe9, 0xff])
    for (const cksum of ['signed', 'bad'] as const) {
      const bytes = Buffer.concat([file('ok', '1'), block({ name, cksum }), END])
      expect(ours(bytes).events.slice(1)).toEqual([['error', 'checksum failure']])
      expect(ours(bytes)).toEqual(nodeTar(bytes))
    }
    // A block of zeros but for a checksum field that reads as no number is a null block.
    const nulls = Buffer.concat([file('ok', '1'), Buffer.alloc(512), END])
    nulls.write('zzzzzzz\0', 1024 + 148, 'latin1')
    expect(ours(nulls).events.map((e) => e[0])).toEqual(['entry', 'eof'])
    expect(ours(nulls)).toEqual(nodeTar(nulls))
  })

  test('truncated input: a body cut short, and a header cut short', () => {
    const bytes = Buffer.concat([file('a', 'x'.repeat(3000)), END])
    const cut = ours(bytes.subarray(0, 1700))
    expect(cut.events.at(-1)).toEqual(['error', 'Truncated input'])
    expect(ours(bytes.subarray(0, 1700), [100])).toEqual(cut)
    const counts = new TarParser({ onEntry() {}, onData() {}, onEntryEnd() {}, onEnd() {} })
    counts.write(bytes.subarray(0, 1700))
    expect(() => counts.end()).toThrow(
      'Truncated input (needed 2048 more bytes, only 164 available)',
    )
    // A header cut short is no error here: the reader reports the missing end marker.
    expect(ours(bytes.subarray(0, 3584 + 100)).events.map((e) => e[0])).toEqual(['entry'])
  })

  test("node-tar's field quirks: octal with spaces and signs, a name cut at NUL up to a line break", () => {
    const odd = Buffer.concat([
      block({ name: 'spaced', mode: '  755 \0\0' }),
      block({ name: 'signed', mode: '-0000007' }),
      block({ name: Buffer.from('a\0\nb', 'latin1') }),
      block({ name: 'x', magic: 'gnu', prefix: 'not-a-prefix' }),
      block({ name: 'old', type: 0 }),
      block({ name: 'contiguous', type: '7' }),
      block({ name: 'dump', type: 'D' }),
      END,
    ])
    const seen = ours(odd)
    expect(
      seen.events.map((e) => (e[0] === 'entry' ? [e[1].path, e[1].type, e[1].mode] : e)),
    ).toEqual([
      ['spaced', 'file', 0o755],
      ['signed', 'file', -7 & 0o7777],
      [`a\nb${'\0'.repeat(96)}`, 'file', 0o644],
      ['x', 'file', 0o644],
      ['old', 'file', 0o644],
      ['contiguous', 'file', 0o644],
      ['dump', 'other', 0o644],
      ['eof'],
    ])
    expect(seen).toEqual(nodeTar(odd))
  })

  test('pax: local records apply to the next entry, global ones to all, sizes included', () => {
    const bytes = Buffer.concat([
      meta('g', paxRecord('size', '3')),
      block({ name: 'a', size: 999 }),
      pad(Buffer.from('abc')),
      meta('x', Buffer.concat([paxRecord('size', '5'), paxRecord('path', 'named')])),
      block({ name: 'b', size: 1 }),
      pad(Buffer.from('12345')),
      block({ name: 'c', size: 1 }),
      pad(Buffer.from('xyz')),
      // A record whose length is wrong is skipped.
      meta('x', '99 path=wrong\n'),
      block({ name: 'dir/', type: '5', size: 7 }),
      END,
    ])
    const seen = ours(bytes)
    expect(
      seen.events.map((e) => (e[0] === 'entry' ? [e[1].path, e[1].size, e[1].data] : e)),
    ).toEqual([
      ['a', 3, '616263'],
      ['named', 5, '3132333435'],
      ['c', 3, '78797a'],
      ['dir/', 0, ''],
      ['eof'],
    ])
    expect(seen).toEqual(nodeTar(bytes))
  })

  test('header problems node-tar rejects', () => {
    const cases: Array<[Buffer, string]> = [
      [block({ name: '' }), 'path is required'],
      [block({ name: 'l', type: '2' }), 'linkpath required'],
      [block({ name: 'f', linkname: 'x' }), 'linkpath forbidden'],
    ]
    for (const [header, message] of cases) {
      const bytes = Buffer.concat([file('ok', '1'), header, END])
      expect(ours(bytes).events.at(-1)).toEqual(['error', message])
      expect(ours(bytes)).toEqual(nodeTar(bytes))
    }
  })

  test('types node-tar skips unseen are entries of type other, their data skipped', () => {
    const bytes = Buffer.concat([
      file('sparse', 'hidden data', { type: 'S' }),
      file('unknown', 'more', { type: 'Z' }),
      file('after', 'ok'),
      END,
    ])
    const seen = ours(bytes)
    expect(
      seen.events.map((e) => (e[0] === 'entry' ? [e[1].path, e[1].type, e[1].size] : e)),
    ).toEqual([['sparse', 'other', 11], ['unknown', 'other', 4], ['after', 'file', 2], ['eof']])
    expect(withoutOther(seen, bytes)).toEqual(nodeTar(bytes))
  })
})

describe('names that are not valid UTF-8', () => {
  const bad = (b: number) => Buffer.from([...Buffer.from('package/a'), b, ...Buffer.from('.js')])
  const names = (bytes: Buffer) => {
    const out: Array<[string, string, boolean]> = []
    const parser = new TarParser({
      onEntry: (h) => out.push([h.name.text, h.name.raw, h.name.valid]),
      onData() {},
      onEntryEnd() {},
      onEnd() {},
    })
    parser.write(bytes)
    return out
  }

  test('npm reads them with U+FFFD; the raw spelling keeps them apart, from every kind of name', () => {
    const bytes = Buffer.concat([
      file(bad(0xff), '1'),
      file(bad(0xfe), '2'),
      block({ name: Buffer.from([0x62, 0xc3]), prefix: Buffer.from([0x70, 0xe2, 0x82]) }),
      // node-tar skips a pax record whose bad bytes change its length as U+FFFD...
      meta('x', paxRecord('path', bad(0xfd))),
      file('x', '3'),
      // ...and keeps one where they do not (3 bytes of a 4-byte sequence: one U+FFFD).
      meta('x', paxRecord('path', Buffer.from([0x61, 0xf0, 0x9f, 0x98, 0x2e]))),
      file('y', '3'),
      meta('L', Buffer.concat([bad(0xfc), Buffer.from('\0')])),
      file('y', '4'),
      file('ok-\u00e9\ufffd', '5'),
      END,
    ])
    expect(names(bytes)).toEqual([
      ['package/a\ufffd.js', 'package/a\udcff.js', false],
      ['package/a\ufffd.js', 'package/a\udcfe.js', false],
      ['p\ufffd/b\ufffd', 'p\udce2\udc82/b\udcc3', false],
      ['x', 'x', true],
      ['a\ufffd.', 'a\udcf0\udc9f\udc98.', false],
      ['package/a\ufffd.js', 'package/a\udcfc.js', false],
      // A real U+FFFD is valid UTF-8.
      ['ok-\u00e9\ufffd', 'ok-\u00e9\ufffd', true],
    ])
    expect(ours(bytes)).toEqual(nodeTar(bytes))
  })

  test('readTar: two names that differ only in bad bytes keep distinct rawPaths, each reported', async () => {
    const bytes = Buffer.concat([file(bad(0xff), '1'), file(bad(0xfe), '2'), END])
    const entries: Entry[] = []
    const budget = new Budget(DEFAULT_LIMITS)
    for await (const e of readTar([bytes], { artifact: 'bad.tar', budget, top: () => 'package' })) {
      entries.push(e)
    }
    expect(entries.map((e) => [e.path, e.rawPath])).toEqual([
      ['a\ufffd.js', 'package/a\udcff.js'],
      ['a\ufffd.js', 'package/a\udcfe.js'],
    ])
    expect(entries.map((e) => e.issues?.map((i) => i.detail))).toEqual([
      [expect.stringContaining("'package/a\\xff.js'")],
      [expect.stringContaining("'package/a\\xfe.js'")],
    ])
  })
})

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

describe('mutated archives: TarParser and node-tar agree', () => {
  const seeds = [
    mixed(),
    Buffer.concat([
      file('package/a.js', 'x'.repeat(1500)),
      meta('x', Buffer.concat([paxRecord('size', '700'), paxRecord('linkpath', 'l')])),
      file('package/b.js', 'y'.repeat(700)),
      block({ name: 'package/s', type: '2', linkname: 'package/a.js' }),
      file('package/big', Buffer.alloc(1000, 3), { size: base256(1000) }),
      file('package/\u00e9t\u00e9.js', 'accent'),
      END,
    ]),
    Buffer.concat([
      block({ name: 'n', prefix: 'p'.repeat(155), size: 2 }),
      pad(Buffer.from('pp')),
      meta('N', 'old-gnu-long-name'),
      file('n2', 'N'),
      meta('X', paxRecord('path', 'old-pax')),
      file('x2', 'X'),
      meta('g', Buffer.concat([paxRecord('linkpath', 'glob'), paxRecord('uid', '7')])),
      block({ name: 'dev', type: '3' }),
      block({ name: 'fifo', type: '6' }),
      file('dump', 'dumped', { type: 'D' }),
      file('sparse', 'sparse', { type: 'S' }),
      meta('x', paxRecord('size', '1.5')),
      file('frac', 'ab'),
      END,
      file('after-end', 'z'),
    ]),
  ]

  // TAR_FUZZ_CASES and TAR_FUZZ_SEED run more, or replay one.
  const cases = Number(process.env.TAR_FUZZ_CASES ?? 600)
  const seed = Number(process.env.TAR_FUZZ_SEED ?? 20240612)

  test(`on ${cases} cases, up to the first error (node-tar reads on after one; we stop)`, () => {
    const rand = prng(seed)
    const at = (n: number) => Math.floor(rand() * n)
    const outcomes = new Map<string, number>()
    for (let n = 0; n < cases; n++) {
      let bytes = Buffer.from(seeds[n % seeds.length])
      const how: string[] = []
      for (let k = 1 + at(3); k > 0; k--) {
        // Aim at headers: a flipped or zeroed field byte, then (mostly) a fixed checksum.
        const header = 512 * at(bytes.length / 512)
        const i = header + at(512)
        const op = at(6)
        if (op === 0) bytes[i] ^= 1 << at(8)
        else if (op === 1) bytes[i] = 0
        else if (op === 2) bytes[i] = [0x20, 0x2d, 0x0a, 0x80, 0xff, 0x2f, 0x37, 0xe2][at(8)]
        else if (op === 3) bytes.fill(0, header, Math.min(bytes.length, header + 512))
        else if (op === 4)
          bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1 + at(600))])
        else
          bytes = Buffer.concat([
            bytes.subarray(0, header),
            bytes.subarray(header, header + 512),
            bytes.subarray(header),
          ])
        if (rand() < 0.8 && op < 3) fixChecksum(bytes, header)
        how.push(`${op}@${i}`)
      }
      const input = rand() < 0.2 ? bytes.subarray(0, at(bytes.length)) : bytes
      if (input[0] === 0x1f && input[1] === 0x8b) continue
      const seen = ours(input, [1 + at(2000)])
      expect([n, how, withoutOther(seen, input)]).toEqual([n, how, nodeTar(input)])
      const last = seen.events.at(-1)
      const outcome = last?.[0] === 'error' ? last[1] : String(last?.[0])
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
    }
    if (process.env.TAR_FUZZ_SHOW) console.log(outcomes)
    // The mutations reach clean reads and errors alike, or the loop tests little.
    expect(outcomes.get('eof')).toBeGreaterThan(cases / 10)
    expect(outcomes.get('checksum failure')).toBeGreaterThan(cases / 10)
  })
})

function fixChecksum(bytes: Buffer, header: number): void {
  if (header + 512 > bytes.length) return
  bytes.fill(0x20, header + 148, header + 156)
  let sum = 0
  for (let i = header; i < header + 512; i++) sum += bytes[i]
  bytes.write(`${sum.toString(8).padStart(6, '0')}\0 `, header + 148, 'latin1')
}
