import { randomBytes } from 'node:crypto'
import * as zlib from 'node:zlib'
import { describe, expect, test } from '@jest/globals'
import {
  checkZstdFrames,
  MAX_WINDOW,
  zstdDecompress,
  zstdDecompressJs,
} from '../src/sources/zstd.js'
import { zstdRaw, zstdTool } from './helpers/zstd.js'

// zstd is read on every Node: with zlib where it has zstd (22.15+, 24), else with fzstd behind
// a frame check. Both paths are tested on every Node; the reference is the zstd tool itself.

const text = Buffer.from(
  Array.from(
    { length: 40_000 },
    (_, i) => `export const v${i} = "${(i * 7919).toString(36)}"\n`,
  ).join(''),
)
const random = randomBytes(300_000)
const DECODERS = [
  ['the JavaScript decoder', zstdDecompressJs],
  ['the decoder this Node uses', zstdDecompress],
] as const

describe.each(DECODERS)('%s', (_, decode) => {
  test.each([
    ['level 1', ['-1'], text],
    ['level 19', ['-19'], text],
    ['--long=24 (a 16 MiB window)', ['--long=24', '-3'], text],
    ['a content checksum', ['--check', '-3'], text],
    ['no content checksum', ['--no-check', '-3'], text],
    ['incompressible bytes (raw blocks)', ['-3'], random],
    ['an empty input', ['-3'], Buffer.alloc(0)],
    ['runs (RLE blocks)', ['-3'], Buffer.alloc(1_000_000, 'a')],
  ])('matches the zstd tool: %s', (_, args, input) => {
    const z = zstdTool(args, input) ?? zstdRaw(input)
    expect((zstdTool(['-d'], z) ?? input).equals(input)).toBe(true)
    expect(decode(z, 1 << 26).equals(input)).toBe(true)
  })

  test('several frames and a skippable frame are one stream', () => {
    const a = zstdTool(['-3'], text) ?? zstdRaw(text)
    const skippable = Buffer.concat([Buffer.from('502a4d1805000000', 'hex'), Buffer.from('hello')])
    const b = zstdRaw(random)
    expect(
      decode(Buffer.concat([a, skippable, b]), 1 << 26).equals(Buffer.concat([text, random])),
    ).toBe(true)
  })

  test('output over the limit is ERR_BUFFER_TOO_LARGE, whatever the frame declares', () => {
    const bomb = zstdTool(['-19'], Buffer.alloc(20_000_000)) ?? zstdRaw(Buffer.alloc(2_000_000))
    expect(bomb.length).toBeLessThan(2_100_000)
    expect(() => decode(bomb, 1_000_000)).toThrow(
      expect.objectContaining({ code: 'ERR_BUFFER_TOO_LARGE' }),
    )
  })

  test.each([
    ['a truncated frame', () => (zstdTool(['-3'], text) ?? zstdRaw(text)).subarray(0, 5000)],
    ['garbage after a frame', () => Buffer.concat([zstdRaw(text), Buffer.from('garbage!')])],
    ['a frame header alone', () => Buffer.from('28b52ffd00', 'hex')],
  ])('%s is an error, not a short read', (_, bytes) => {
    expect(() => decode(bytes(), 1 << 26)).toThrow()
  })
})

describe('the frame check before the JavaScript decoder allocates', () => {
  const frame = (fhd: number, ...rest: number[]) =>
    Buffer.from([0x28, 0xb5, 0x2f, 0xfd, fhd, ...rest])
  // A last raw block of one byte.
  const block = [0x09, 0, 0, 0x41]

  test.each([
    ['a 2 GiB window', frame(0x00, 0xa8, ...block), /window/],
    ['a window just over 128 MiB', frame(0x00, (17 << 3) | 1, ...block), /window/],
    [
      'a declared content size over the limit',
      frame(0xc0, 0x58, 0, 0, 0, 0, 1, 0, 0, 0, ...block),
      /output limit/,
    ],
    [
      'a single-segment frame declaring 4 GiB',
      frame(0xa0, 0xff, 0xff, 0xff, 0xff, ...block),
      /output limit/,
    ],
    ['a dictionary', frame(0x01, 0x58, 7, ...block), /dictionary/],
    ['the reserved header bit', frame(0x08, 0x58, ...block), /reserved/],
    ['the reserved block type', frame(0x00, 0x58, 0x07, 0, 0), /reserved/],
    ['a block past the end', frame(0x00, 0x58, 0xf9, 0xff, 0x00), /truncated/],
    ['no frame at all', Buffer.from('hello world'), /not a zstd frame/],
  ])('refuses %s', (_, bytes, why) => {
    expect(() => checkZstdFrames(bytes, 1 << 26)).toThrow(why)
    expect(() => zstdDecompressJs(bytes, 1 << 26)).toThrow()
  })

  test('accepts a window of exactly 128 MiB (zstd --long=27) and frames as the tool writes them', () => {
    expect(() => checkZstdFrames(frame(0x00, 17 << 3, ...block), 1 << 26)).not.toThrow()
    expect(MAX_WINDOW).toBe(2 ** 27)
    const z = zstdTool(['--long=27', '-3'], text)
    if (z) expect(() => checkZstdFrames(z, 1 << 26)).not.toThrow()
  })

  test('memory stays bounded on a hostile header (no allocation of what it declares)', () => {
    const before = process.memoryUsage().arrayBuffers
    expect(() => zstdDecompressJs(frame(0x00, 0xa8, ...block), 1 << 26)).toThrow()
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20)
  })

  test("zlib's zstd agrees where this Node has it", () => {
    if (!('zstdDecompressSync' in zlib)) return
    const z = zstdTool(['-3'], text) ?? zstdRaw(text)
    expect(zstdDecompressJs(z, 1 << 26).equals(zstdDecompress(z, 1 << 26))).toBe(true)
  })
})
