import { describe, expect, test } from '@jest/globals'
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { MalformedMap, MapScanner } from '../src/rules/sourcemaps/map-scan.js'
import { MapSniff } from '../src/rules/sourcemaps/map-sniff.js'
import { checkBytes, rulesOf } from './helpers/check.js'
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

const cut = (text: string, at: string) => text.slice(0, text.indexOf(at))

const found = (r: Awaited<ReturnType<typeof checkBytes>>) =>
  r.findings.map((f) => [f.rule, f.file, f.severity])

const checkFiles = (files: Record<string, string | Buffer>) => checkBytes('p.tgz', npmTgz(files))

describe('a source map is known by its content, whatever its name', () => {
  test.each(['cli.js.map.txt', 'cli.map.json', 'cli.js.map.bak', 'cli', 'maps/cli'])(
    '%s',
    async (name) => {
      const r = await checkFiles({ [name]: mapText() })
      const maps = found(r).filter(([rule]) => rule.startsWith('sourcemap/'))
      expect(maps).toEqual([['sourcemap/sources-content', name, 'error']])
    },
  )

  test.each([
    ['a UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(mapText())])],
    ['100,000 bytes of whitespace', Buffer.from(' \n\t'.repeat(33_334) + mapText())],
    ["a )]}' line", Buffer.from(")]}' anything\n" + mapText())],
    ['UTF-16LE with a BOM', Buffer.from('\ufeff' + mapText(), 'utf16le')],
    ['UTF-16LE without a BOM', Buffer.from('  ' + mapText(), 'utf16le')],
    ['UTF-16BE', Buffer.from(mapText(), 'utf16le').swap16()],
  ])('after %s', async (_name, bytes) => {
    const r = await checkFiles({ 'dist/cli.data': bytes })
    expect(found(r)).toEqual([['sourcemap/sources-content', 'dist/cli.data', 'error']])
  })

  test('streamed (past 2 MiB) behind a 3 MiB lead: read as a map, its secret found once', async () => {
    const lead = Buffer.alloc(3 * 1024 * 1024, ' ')
    const map = mapText({ sourcesContent: [`const t = "${gh}"\n`] })
    const r = await checkFiles({ 'dist/cli.out': Buffer.concat([lead, Buffer.from(map)]) })
    expect(found(r)).toEqual([
      ['sourcemap/sources-content', 'dist/cli.out', 'error'],
      ['secret/github-token', 'dist/cli.out!sources[0]', 'error'],
    ])
  })

  test.each([
    ['held whole', 0, 0],
    ['streamed, the lead held', 512 * 1024, 2.5 * 1024 * 1024],
    ['streamed, the lead past what is held', 1.5 * 1024 * 1024, 2.5 * 1024 * 1024],
  ])("a secret in the )]}' line is found: %s", async (_name, pad, more) => {
    const lead = `)]}' ${gh}${' '.repeat(pad)}\n`
    const text = `${lead}${mapText({ x_pad: ' '.repeat(more) })}`
    const r = await checkFiles({ 'dist/cli.out': text })
    expect(found(r)).toEqual([
      ['sourcemap/sources-content', 'dist/cli.out', 'error'],
      ['secret/github-token', 'dist/cli.out', 'error'],
    ])
  })

  test('a UTF-16 map streamed: decoded across chunks, secrets found in it', async () => {
    const big = 'x'.repeat(1_200_000)
    const map = mapText({ sourcesContent: [`${big}\nconst t = "${gh}"\n`] })
    const r = await checkFiles({ 'cli.js.map': Buffer.from('\ufeff' + map, 'utf16le') })
    expect(found(r)).toEqual([
      ['sourcemap/sources-content', 'cli.js.map', 'error'],
      ['secret/github-token', 'cli.js.map!sources[0]', 'error'],
    ])
  })

  test.each([
    ['package.json', JSON.stringify({ name: 'p', version: '1.0.0', license: 'MIT' })],
    ['no version', JSON.stringify({ sources: ['a.ts'], mappings: 'AA' })],
    ['version 2', mapText({ version: 2 })],
    ['a tsconfig with comments', '{\n  // comment\n  "compilerOptions": {}\n}\n'],
    ['JS that starts with a brace', '{ const a = 1 }\n'],
    ['an array', '[{"version":3}]'],
  ])('not a map: %s', async (_name, text) => {
    const r = await checkFiles({ 'lib/data.json': text })
    expect(found(r)).toEqual([])
  })
})

describe('everything in a map is scanned for secrets', () => {
  test.each([
    ['sourceRoot', { sourceRoot: `https://x/${gh}/` }],
    ['file', { file: `${gh}.js` }],
    ['names', { names: ['a', gh] }],
    ['sources', { sources: [`../src/${gh}.ts`] }],
    ['an unknown field', { x_debug: { token: gh } }],
    ['mappings', { mappings: `AAAA,${gh}` }],
  ])('%s', async (_name, over) => {
    const r = await checkFiles({ 'cli.js.map': mapText(over) })
    expect(found(r)).toContainEqual(['secret/github-token', 'cli.js.map', 'error'])
    expect(r.findings.filter((f) => f.rule.startsWith('secret/'))).toHaveLength(1)
  })

  /** The token written with JSON escapes: a scan of the text as written cannot see it. */
  const escaped = `\\u00${gh.charCodeAt(0).toString(16)}${gh.slice(1, 8)}\\u00${gh.charCodeAt(8).toString(16)}${gh.slice(9)}`
  test.each([
    ['sourceRoot', { sourceRoot: 'TOKEN' }],
    ['file', { file: 'TOKEN' }],
    ['names', { names: ['a', 'TOKEN'] }],
    ['sources', { sources: ['../src/TOKEN.ts'] }],
    ['an unknown field', { x_debug: { note: 'TOKEN' } }],
    ['an unknown key', { x_debug: { TOKEN: 1 } }],
    ['mappings', { mappings: 'AAAA,TOKEN' }],
  ])('escaped in %s', async (_name, over) => {
    const text = mapText(over).replace('TOKEN', escaped)
    expect(text).not.toContain(gh)
    const r = await checkFiles({ 'cli.js.map': text })
    expect(found(r)).toContainEqual(['secret/github-token', 'cli.js.map', 'error'])
  })

  test('a token in sourcesContent is found once, in the decoded source', async () => {
    const r = await checkFiles({ 'cli.js.map': mapText({ sourcesContent: [`x = "${gh}"`] }) })
    expect(r.findings.filter((f) => f.rule.startsWith('secret/')).map((f) => f.file)).toEqual([
      'cli.js.map!sources[0]',
    ])
  })

  test('a .map that is no map is scanned as the text it is', async () => {
    const r = await checkFiles({ 'notes.map': `plain text\ntoken ${gh}\n` })
    expect(found(r)).toEqual([['secret/github-token', 'notes.map', 'error']])
    expect(r.result).toBe('fail')
  })

  test.each([
    ['held whole', ''],
    ['streamed', 'x'.repeat(3 * 1024 * 1024)],
  ])('a binary that starts like UTF-16 JSON is scanned as it is too: %s', async (_name, pad) => {
    const bytes = Buffer.concat([Buffer.from('{\0"\0'), Buffer.from(`\n${gh}\n${pad}`)])
    const r = await checkFiles({ 'blob.bin': bytes })
    expect(found(r)).toContainEqual(['secret/github-token', 'blob.bin', 'error'])
  })

  test('a JSON file that is no map is scanned whole, as before', async () => {
    const r = await checkFiles({ 'config.json': JSON.stringify({ token: gh }) })
    expect(found(r)).toEqual([['secret/github-token', 'config.json', 'error']])
  })
})

describe('a map that does not parse is an error, and the scan goes on', () => {
  test.each([
    ['a trailing //# line', mapText() + `\n//# sourceMappingURL=x.map ${gh}\n`],
    [
      'a duplicate sourcesContent key',
      mapText().replace(/\}$/, `,"sourcesContent":["const t = '${gh}'"]}`),
    ],
    [
      'an invalid escape in a source',
      mapText({ sourcesContent: ['x'] }).replace('"x"', `"\\x ${gh}"`),
    ],
    [
      'a truncated source',
      cut(mapText({ sourcesContent: [`t = \\"${gh}\\" and more`] }), ' and more'),
    ],
    ['an error before the map keys', `{"x": tru, ${mapText({ file: gh }).slice(1)}`],
  ])('%s', async (_name, text) => {
    const r = await checkFiles({ 'dist/cli.js.map': text })
    expect(found(r)).toEqual([
      ['sourcemap/malformed', 'dist/cli.js.map', 'error'],
      ['secret/github-token', 'dist/cli.js.map', 'error'],
    ])
    expect(r.result).toBe('fail')
  })

  test('an embedded source over 64 MiB: malformed, and a token after 64 MiB is still found', async () => {
    const big = 'x'.repeat(65 * 1024 * 1024)
    const text = mapText({ sourcesContent: [`${big} "${gh}"`] })
    // (one repeated byte compresses past the default max-ratio: allowed here)
    const yaml = 'safety:\n  max-ratio: 100000\n'
    const r = await checkBytes('p.tgz', npmTgz({ 'dist/cli.js.map': text }), yaml)
    expect(found(r)).toEqual([
      ['sourcemap/malformed', 'dist/cli.js.map', 'error'],
      ['secret/github-token', 'dist/cli.js.map', 'error'],
    ])
    expect(r.findings[0].message).toContain('an embedded source over 64 MiB')
  })

  test('a malformed map by its keys, whatever its name', async () => {
    const r = await checkFiles({ 'dist/x.out': `{"x": tru, "mappings": "", "sources": []}` })
    expect(found(r)).toEqual([['sourcemap/malformed', 'dist/x.out', 'error']])
  })

  test('"sourcesContent": null is a map without sources (as some bundlers write it)', async () => {
    const r = await checkFiles({ 'dist/x.js.map': mapText({ sourcesContent: null, names: [gh] }) })
    expect(found(r)).toContainEqual(['secret/github-token', 'dist/x.js.map', 'error'])
    expect(rulesOf(r)).toContain('sourcemap/file')
    expect(rulesOf(r)).not.toContain('sourcemap/malformed')
  })

  test.each(['true', 'nul', '"x"'])('"sourcesContent": %s is malformed', async (v) => {
    const r = await checkFiles({
      'dist/x.js.map': mapText().replace(/\}$/, `,"sourcesContent":${v}}`),
    })
    expect(rulesOf(r)).toContain('sourcemap/malformed')
  })

  test('a JSON-like build file (binding.gyp) with "sources" and a trailing comma is text, not a malformed map', async () => {
    const gyp = `{\n  "variables": { "x": "1", },\n  "targets": [{ "target_name": "a", "sources": ["a.cc"], "token": "${gh}" }]\n}\n`
    const r = await checkFiles({
      'binding.gyp': gyp,
      'tsconfig.json': '{ "include": ["src"], "sources": [], }',
    })
    expect(found(r)).toEqual([['secret/github-token', 'binding.gyp', 'error']])
  })

  test('an embedded source over 64 MiB: its bytes and those after it go on as text', () => {
    const raw: Buffer[] = []
    const scanner = new MapScanner(
      () => {},
      undefined,
      undefined,
      (b) => raw.push(Buffer.from(b)),
    )
    const head = Buffer.from('{"version":3,"sources":["a"],"sourcesContent":["')
    const chunk = Buffer.alloc(1024 * 1024, 'a')
    scanner.write(head)
    let error: unknown
    let n = 0
    try {
      for (; n < 70; n++) scanner.write(chunk)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(MalformedMap)
    expect(scanner.failed).toBe(true)
    const all = Buffer.concat(raw)
    expect(all.length).toBe(head.length + (n + 1) * chunk.length)
    expect(all.subarray(0, head.length).equals(head)).toBe(true)
  })
})

describe('MapSniff: the first bytes decide', () => {
  test.each([
    ['{', 'map'],
    ['  \n{', 'map'],
    [")]}'\n{", 'map'],
    ['export', 'text'],
    ['\u0000\u0001', 'text'],
    ['<html>', 'text'],
  ])('%j: %s', (text, verdict) => {
    const s = new MapSniff()
    s.write(Buffer.from(text, 'latin1'))
    s.end()
    expect(s.verdict).toBe(verdict)
  })

  test('a text file is told apart by its first byte, whatever follows', () => {
    const s = new MapSniff()
    s.write(Buffer.from('x' + '{'.repeat(10)))
    expect(s.verdict).toBe('text')
  })
})

describe('inline maps', () => {
  const json = mapText()
  const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
  const url = (meta: string, body: string) => `data:${meta},${body}`
  const base64Url = url('application/json;charset=utf-8;base64', b64(json))

  test.each([
    ['bin/acme', `#!/usr/bin/env node\nmain()\n//# sourceMappingURL=${base64Url}\n`],
    ['page.html', `<script>main()\n//# sourceMappingURL=${base64Url}</script>\n`],
    ['icon.svg', `<svg><style>a{}\n/*# sourceMappingURL=${base64Url} */</style></svg>\n`],
    ['tabs.js', `main()\n//#\t \tsourceMappingURL=${base64Url}\n`],
    ['wide.js', `main()\n//#${' '.repeat(5000)}sourceMappingURL=${base64Url}\n`],
    [
      'utf16.js',
      `main()\n//# sourceMappingURL=${url('application/json;charset=utf-16le;base64', b64(Buffer.from('\ufeff' + json, 'utf16le')))}\n`,
    ],
    [
      'param-order.js',
      `main()\n//# sourceMappingURL=${url('application/json;base64;charset=utf-8', b64(json))}\n`,
    ],
    [
      'percent.js',
      `main()\n//# sourceMappingURL=${url('application/json;charset=utf-8', encodeURIComponent(json))}\n`,
    ],
    [
      'broken-percent.js',
      `main()\n//# sourceMappingURL=${url('application/json', encodeURIComponent(json).replace('cli.ts', 'cli%ZZ.ts'))}\n`,
    ],
  ])('%s', async (name, text) => {
    const r = await checkFiles({ [name]: text })
    expect(found(r)).toEqual([['sourcemap/inline', name, 'error']])
  })

  test('a streamed file: 5,000 spaces after //# cut across chunks', async () => {
    const code = `x = 1;\n`.repeat(400_000)
    const text = `${code}//#${' '.repeat(5000)}sourceMappingURL=${base64Url}\n`
    const r = await checkFiles({ 'big.js': text })
    expect(found(r)).toEqual([['sourcemap/inline', 'big.js', 'error']])
  })

  test.each([
    [
      'code that builds a comment',
      'main.js',
      'const c = "//# sourceMappingURL=data:application/json;base64," + enc\n',
    ],
    ['not a lead', 'main.js', `// # sourceMappingURL=${base64Url}\n`],
    [
      'data that is no JSON object',
      'main.js',
      `//# sourceMappingURL=${url('text/plain;base64', b64('[1]'))}\n`,
    ],
    ['a text file', 'notes.txt', `//# sourceMappingURL=${base64Url}\n`],
  ])('not an inline map: %s', async (_name, file, text) => {
    const r = await checkFiles({ [file]: text })
    expect(found(r)).toEqual([])
  })
})
