import { describe, expect, test } from '@jest/globals'
import { TarParser, type TarHeader } from '../src/sources/tar/parser.js'
import { block, END, file, meta, paxRecord } from './helpers/tar-blocks.js'

// TarParser is a state machine (TarState): each state reads its own bytes and says which state
// comes next. These tests feed archives a piece at a time and check the state between pieces.

/** A parser that records what it says, as strings, and the state after each piece it is given. */
function recorder() {
  const said: string[] = []
  const parser = new TarParser({
    onEntry: (h: TarHeader) => said.push(`entry ${h.name.text} ${h.size}`),
    onData: (c) => said.push(`data ${c.length}`),
    onEntryEnd: () => said.push('entry end'),
    onEnd: () => said.push('end'),
    onTrailing: (b) => said.push(`trailing ${b.toString('latin1')}`),
  })
  const feed = (bytes: Buffer, ...cuts: number[]) => {
    const states: string[] = []
    let at = 0
    for (const cut of [...cuts, bytes.length]) {
      parser.write(bytes.subarray(at, cut))
      at = cut
      states.push(parser.state)
    }
    return states
  }
  return { said, parser, feed }
}

describe('TarParser states', () => {
  test('an entry: header, data, padding, header; its end is signalled once the padding is read', () => {
    const { said, feed } = recorder()
    const bytes = file('a.txt', 'x'.repeat(700))
    // Header, most of the data, the rest of it and some padding, the rest of the padding.
    expect(feed(bytes, 512, 1000, 1300)).toEqual(['data', 'data', 'padding', 'header'])
    expect(said).toEqual(['entry a.txt 700', 'data 488', 'data 212', 'entry end'])
  })

  test('a header that comes in pieces is gathered, then read', () => {
    const { said, feed } = recorder()
    expect(feed(file('b.txt', 'b'), 100, 511, 512)).toEqual(['header', 'header', 'data', 'header'])
    expect(said).toEqual(['entry b.txt 1', 'data 1', 'entry end'])
  })

  test('an entry with no data is over at its header', () => {
    const { said, feed } = recorder()
    expect(feed(block({ name: 'dir/', type: '5' }))).toEqual(['header'])
    expect(said).toEqual(['entry dir/ 0', 'entry end'])
  })

  test('two null blocks end the archive: every later byte is trailing data', () => {
    const { said, parser, feed } = recorder()
    const bytes = Buffer.concat([file('a', '1'), END, Buffer.from('junk')])
    expect(feed(bytes, 1024 + 512, 1024 + 1024 + 2)).toEqual(['header', 'end', 'end'])
    expect(parser.ended).toBe(true)
    expect(said.slice(-3)).toEqual(['end', 'trailing ju', 'trailing nk'])
    expect(() => parser.end()).not.toThrow()
  })

  test('an extension record is kept until whole, then applies to the next entry only', () => {
    const { said, feed } = recorder()
    const record = meta('x', paxRecord('path', 'long/name.js'))
    const bytes = Buffer.concat([record, file('short', 'abc'), file('other', 'd')])
    expect(feed(bytes, 512, 520, 600, 1024)).toEqual([
      'extension',
      'extension',
      'padding',
      'header',
      'header',
    ])
    expect(said.filter((s) => /^entry \S+ \d/.test(s))).toEqual([
      'entry long/name.js 3',
      'entry other 1',
    ])
  })

  test('a record too large to apply (over 1 MiB) is skipped whole', () => {
    const { said, feed } = recorder()
    const huge = Buffer.alloc(1024 * 1024 + 1, 0x41)
    const bytes = Buffer.concat([meta('x', huge), file('after', 'z')])
    expect(feed(bytes, 512, 600_000, 512 + 1024 * 1024 + 512)).toEqual([
      'skip',
      'skip',
      'header',
      'header',
    ])
    expect(said).toEqual(['entry after 1', 'data 1', 'entry end'])
  })

  test('input that ends in a body: the entry ends with what came, then the error', () => {
    for (const cut of [512 + 100, 512 + 700 + 10]) {
      const { said, parser, feed } = recorder()
      feed(file('a', 'x'.repeat(700)).subarray(0, cut))
      expect(() => parser.end()).toThrow(/^Truncated input/)
      expect(said.at(-1)).toBe('entry end')
      expect(said.filter((s) => s === 'entry end')).toHaveLength(1)
    }
  })

  test('nothing is read after a problem', () => {
    const { said, parser } = recorder()
    expect(() => parser.write(block({ name: 'bad', cksum: 'bad' }))).toThrow('checksum failure')
    parser.write(file('a', '1'))
    parser.end()
    expect(said).toEqual([])
  })
})
