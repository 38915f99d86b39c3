import { describe, expect, test } from '@jest/globals'
import { sourceFileOf } from '../src/rules/sourcemaps/copies.js'
import { checkBytes } from './helpers/check.js'
import { npmTgz } from './helpers/tar.js'

/** A TypeScript package that ships its `src/` beside `dist/` and maps that embed it. */
const SOURCES: Record<string, string> = {
  'src/index.ts': 'export const hello = (who: string) => `hello ${who}`\n',
  'src/util/é.ts': "export const café = 'crème brûlée' // non-ASCII, as UTF-8\n",
  'src/quote.ts': 'export const q = "a \\"quoted\\" \\\\ line"\n\ttab\r\n',
}
const PRIVATE = JSON.stringify({ name: 'app', version: '1.0.0', license: 'UNLICENSED' })

function mapOf(sources: Record<string, string>, prefix = '../', asciiOnly = false): string {
  const json = JSON.stringify({
    version: 3,
    file: 'index.js',
    sources: Object.keys(sources).map((p) => prefix + p),
    sourcesContent: Object.values(sources),
    mappings: 'AAAA',
  })
  // esbuild's default (charset: ascii) escapes every non-ASCII character.
  return asciiOnly
    ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json
}

async function judged(files: Record<string, string>) {
  const r = await checkBytes('app.tgz', npmTgz({ 'package.json': PRIVATE, ...files }))
  return r.findings
    .filter((f) => f.rule === 'sourcemap/sources-content' || f.rule === 'sourcemap/inline')
    .map((f) => `${f.severity}: ${f.message}`)
}

describe('a map whose first-party sources all ship beside it', () => {
  test('is a notice that says why (escaped as JSON.stringify or esbuild write it)', async () => {
    const because = 'its own sources all ship beside it, byte-identical: it exposes nothing more'
    for (const [i, files] of [
      { 'dist/index.js.map': mapOf(SOURCES), ...SOURCES },
      { 'dist/index.js.map': mapOf(SOURCES, '../', true), ...SOURCES },
      { 'dist/index.js.map': mapOf(SOURCES, 'webpack://app/./'), ...SOURCES },
    ].entries()) {
      const [finding] = (await judged(files)).map((f) => `${i} ${f}`)
      expect(finding).toMatch(/^\d notice: dist\/index\.js\.map embeds 3 original source files/)
      expect(finding).toContain(because)
    }
  })

  test('an inline map beside its sources is a notice too', async () => {
    const inline = Buffer.from(mapOf(SOURCES)).toString('base64')
    const js = `x\n//# sourceMappingURL=data:application/json;base64,${inline}\n`
    expect(await judged({ 'dist/index.js': js, ...SOURCES })).toEqual([
      expect.stringMatching(/^notice: dist\/index\.js carries an inline source map/),
    ])
  })

  test.each([
    ['one source differs by a byte', { 'src/index.ts': SOURCES['src/index.ts'] + ' ' }],
    ['one source is missing', { 'src/quote.ts': undefined }],
    [
      'one source ships elsewhere',
      { 'src/quote.ts': undefined, 'lib/quote.ts': SOURCES['src/quote.ts'] },
    ],
  ])('%s: judged as any other map (here an error)', async (_, change) => {
    const shipped: Record<string, string> = { ...SOURCES }
    for (const [p, c] of Object.entries(change)) {
      if (c === undefined) delete shipped[p]
      else shipped[p] = c
    }
    const [finding] = await judged({ 'dist/index.js.map': mapOf(SOURCES), ...shipped })
    expect(finding).toMatch(/^error: /)
  })

  test('sources that come before their map are not compared: judged as any other', async () => {
    const [finding] = await judged({ ...SOURCES, 'dist/index.js.map': mapOf(SOURCES) })
    expect(finding).toMatch(/^error: /)
  })

  test('sources above the package root never count as shipped, whatever ships', async () => {
    const [finding] = await judged({ 'index.js.map': mapOf(SOURCES), ...SOURCES })
    expect(finding).toMatch(/^error: index\.js\.map embeds 3/)
  })

  test('the same file shipped under a nested archive does not count', async () => {
    const [finding] = await judged({
      'dist/index.js.map': mapOf(SOURCES),
      'vendor/src.tgz': npmTgz(SOURCES).toString('latin1'),
    })
    expect(finding).toMatch(/^error: /)
  })
})

test('sourceFileOf: a source path as an artifact path, or undefined outside it', () => {
  expect(sourceFileOf('dist/a.js.map', '../src/a.ts')).toBe('src/a.ts')
  expect(sourceFileOf('dist/a.js.map', './a.ts')).toBe('dist/a.ts')
  expect(sourceFileOf('a.js.map', '../src/a.ts')).toBeUndefined()
  expect(sourceFileOf('dist/a.js.map', '../../a.ts')).toBeUndefined()
  expect(sourceFileOf('dist/a.js.map', '/abs/a.ts')).toBeUndefined()
  expect(sourceFileOf('dist/a.js.map', 'webpack://app/./src/a.ts')).toBe('src/a.ts')
  expect(sourceFileOf('dist/a.js.map', 'webpack://app/../x.ts')).toBeUndefined()
  expect(sourceFileOf('dist/a.js.map', '')).toBeUndefined()
})

test('a source path written with \\u escapes reads as the characters they stand for', async () => {
  const { scanMap } = await import('../src/rules/sourcemaps/scan-map.js')
  const raw = '{"version":3,"sources":["src/\\u00e9.ts","src/é.ts"],"mappings":""}'
  expect(scanMap(Buffer.from(raw), () => {}).sources).toEqual(['src/é.ts', 'src/é.ts'])
})
