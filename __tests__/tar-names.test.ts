import { describe, expect, test } from '@jest/globals'
import { Budget } from '../src/sources/limits.js'
import { DEFAULT_LIMITS } from '../src/config/defaults.js'
import { TarParser } from '../src/sources/tar/parser.js'
import { readTar } from '../src/sources/tar/reader.js'
import type { Entry } from '../src/sources/types.js'
import { block, END, file, meta, paxRecord } from './helpers/tar-blocks.js'
import { nodeTar, ours } from './helpers/tar-events.js'

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
