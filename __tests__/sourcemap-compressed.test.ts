import { randomBytes } from 'node:crypto'
import * as zlib from 'node:zlib'
import { describe, expect, test } from '@jest/globals'

// Source maps shipped compressed (.gz, .br, .zst assets) are read through, small or streamed.
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { STREAM_ABOVE } from '../src/sources/body.js'
import { checkBytes } from './helpers/check.js'
import { zstdRaw, zstdTool } from './helpers/zstd.js'
import { npmTgz } from './helpers/tar.js'

/** A canary token built at run time by its detector's own sample builder. */
const gh = DETECTORS.find((d) => d.id === 'secret/github-token')!.samples.match()[0]

const MAP = {
  version: 3,
  file: 'cli.js',
  sources: ['../src/cli.ts'],
  sourcesContent: ['export const main = () => 1\n'],
  names: ['main'],
  mappings: 'AAAA',
}
const mapText = (over: Record<string, unknown> = {}) => JSON.stringify({ ...MAP, ...over })

const found = (r: Awaited<ReturnType<typeof checkBytes>>) =>
  r.findings.map((f) => [f.rule, f.file, f.severity])

const checkFiles = (files: Record<string, string | Buffer>) => checkBytes('p.tgz', npmTgz(files))

describe('compressed maps are read through', () => {
  const map = Buffer.from(mapText({ sourcesContent: [`const t = "${gh}"\n`.padEnd(400, '/')] }))

  test.each([
    ['gzip', 'assets/app.js.map.gz', zlib.gzipSync(map)],
    ['brotli', 'assets/app.js.map.br', zlib.brotliCompressSync(map)],
    ['brotli, named by no map name', 'assets/app.br', zlib.brotliCompressSync(map)],
  ])('%s', async (_name, file, bytes) => {
    const inner = `${file}!/${file
      .split('/')
      .pop()!
      .replace(/\.(gz|br)$/, '')}`
    const r = await checkFiles({ [file]: bytes })
    expect(found(r)).toEqual([
      ['sourcemap/sources-content', inner, 'error'],
      ['secret/github-token', `${inner}!sources[0]`, 'error'],
    ])
  })

  describe('over 2 MiB compressed (streamed from the tarball, then held whole to decompress)', () => {
    // Random base64 does not compress: each compressed asset stays over STREAM_ABOVE.
    const big = Buffer.from(
      mapText({
        sourcesContent: [
          `const pad = "${randomBytes(2_400_000).toString('base64')}"\nconst t = "${gh}"\n`,
        ],
      }),
    )
    test.each([
      ['gzip', 'assets/big.js.map.gz', () => zlib.gzipSync(big, { level: 1 })],
      [
        'brotli',
        'assets/big.js.map.br',
        () =>
          zlib.brotliCompressSync(big, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }),
      ],
      ['zstd', 'assets/big.js.map.zst', () => zstdTool(['-1'], big) ?? zstdRaw(big)],
    ])('%s', async (_name, file, bytes) => {
      const b = bytes()
      expect(b.length).toBeGreaterThan(STREAM_ABOVE)
      const inner = `${file}!/big.js.map`
      const r = await checkFiles({ [file]: b })
      expect(found(r)).toEqual([
        ['sourcemap/sources-content', inner, 'error'],
        ['secret/github-token', `${inner}!sources[0]`, 'error'],
      ])
    })
  })

  test('a .br that does not decompress was not read: it says so', async () => {
    const r = await checkFiles({ 'assets/app.js.map.br': Buffer.from('not brotli at all') })
    expect(found(r)).toEqual([['archive/unreadable-entry', 'assets/app.js.map.br', 'error']])
  })

  test('zstd: read on every Node (zlib where it has zstd, else a JavaScript decoder)', async () => {
    const r = await checkFiles({ 'assets/app.js.map.zst': zstdRaw(map) })
    const inner = 'assets/app.js.map.zst!/app.js.map'
    // A raw zstd block holds the bytes as they are: the token is also found in the file itself.
    expect(found(r)).toEqual([
      ['secret/github-token', 'assets/app.js.map.zst', 'error'],
      ['sourcemap/sources-content', inner, 'error'],
      ['secret/github-token', `${inner}!sources[0]`, 'error'],
    ])
  })

  test('zstd as the zstd tool compresses it: only the map inside holds the token', async () => {
    const z = zstdTool(['-19'], Buffer.from(map))
    if (!z) return
    const r = await checkFiles({ 'assets/app.js.map.zst': z })
    expect(found(r)).toEqual([
      ['sourcemap/sources-content', 'assets/app.js.map.zst!/app.js.map', 'error'],
      ['secret/github-token', 'assets/app.js.map.zst!/app.js.map!sources[0]', 'error'],
    ])
  })

  test('a decompressed asset over max-entry-bytes is a limit, not read', async () => {
    const big = zlib.brotliCompressSync(Buffer.alloc(3_000_000, ' '))
    const r = await checkBytes(
      'p.tgz',
      npmTgz({ 'a.txt.br': big }),
      'safety:\n  max-entry-bytes: 1MB\n',
    )
    expect(found(r)).toEqual([['archive/limit-exceeded', 'a.txt.br', 'error']])
  })
})
