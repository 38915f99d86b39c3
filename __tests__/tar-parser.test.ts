import { describe, expect, test } from '@jest/globals'
import { TarParser } from '../src/sources/tar/parser.js'
import { base256, prng } from './helpers/hostile.js'
import { block, END, file, LONG, meta, mixed, pad, paxRecord } from './helpers/tar-blocks.js'
import { nodeTar, ours, withoutOther, type Seen } from './helpers/tar-events.js'

// TarParser must read what node-tar's strict Parser reads (what npm extracts): these tests build
// archives byte by byte and compare both parsers on them (tar-differential.test.ts mutates them).

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
