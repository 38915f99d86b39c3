import { describe, expect, test } from '@jest/globals'
import { MalformedMap } from '../src/rules/sourcemaps/map-scan.js'
import { scanMap } from '../src/rules/sourcemaps/scan-map.js'
import { findMappingUrls } from '../src/rules/sourcemaps/comments.js'
import { checkBytes, rulesOf } from './helpers/check.js'
import { bundleMap } from './helpers/sourcemap.js'
import { npmTgz } from './helpers/tar.js'

describe('reading maps without parsing them whole', () => {
  test('sources and sourcesContent, in any key order, with escapes', () => {
    const text =
      '{"sourcesContent":["a\\"b", null, ""],"mappings":"AA\\\\","sources":["x.ts","y.ts","z.ts"],"version":3}'
    const seen: Array<[number, string]> = []
    const map = scanMap(text, (i, c) => seen.push([i, c]))
    expect(map.sources).toEqual(['x.ts', 'y.ts', 'z.ts'])
    expect(seen).toEqual([[0, 'a"b']])
    expect(map.contentBytes[0]).toBe(3)
  })

  test('maps are read as bytes: non-ASCII paths survive, content sizes are UTF-8 bytes', () => {
    const text = Buffer.from(
      JSON.stringify({ sources: ['../src/café.ts'], sourcesContent: ['é'] }),
    ).toString('latin1')
    const map = scanMap(text, () => {})
    expect(map.sources).toEqual(['../src/café.ts'])
    expect(map.contentBytes[0]).toBe(2)
  })

  test('index maps with sections', () => {
    const text = JSON.stringify({
      version: 3,
      sections: [
        {
          offset: { line: 0, column: 0 },
          map: { version: 3, sources: ['a.ts'], sourcesContent: ['A'], mappings: '' },
        },
        {
          offset: { line: 9, column: 0 },
          map: { version: 3, sources: ['b.ts', 'c.ts'], sourcesContent: [null, 'C'], mappings: '' },
        },
      ],
    })
    const seen: number[] = []
    const map = scanMap(text, (i) => seen.push(i))
    expect(map.sources).toEqual(['a.ts', 'b.ts', 'c.ts'])
    expect(seen).toEqual([0, 2])
  })

  test.each([
    '{"sources":["a"',
    '{"sources":[1,}',
    '{"a":tru}',
    '{} trailing',
    '{"x":"unterminated}',
  ])('malformed: %s', (text) => {
    expect(() => scanMap(text, () => {})).toThrow(MalformedMap)
  })

  test('sourceMappingURL comments in JS and CSS', () => {
    const js =
      'a()\n//# sourceMappingURL=a.js.map\nb()\n//@ sourceMappingURL=https://cdn.example.com/b.map\n/*# sourceMappingURL=c.css.map */\nconst s = "sourceMappingURL=not-a-comment"'
    expect(findMappingUrls(js).map((m) => m.url)).toEqual([
      'a.js.map',
      'https://cdn.example.com/b.map',
      'c.css.map',
    ])
  })
})

describe('sourcemap rules', () => {
  test('the headline case: a bundle whose map embeds ~2,000 first-party sources and node_modules', async () => {
    const map = bundleMap({ firstParty: 1906, deps: 2850, content: true, bytesEach: 200 })
    const r = await checkBytes(
      'cli-1.0.1.tgz',
      npmTgz({
        'package.json': '{"name":"cli","version":"1.0.1","files":["cli.js*"]}',
        'cli.js': 'x()\n//# sourceMappingURL=cli.js.map\n',
        'cli.js.map': map,
      }),
    )
    expect(r.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([
      ['sourcemap/sources-content', 'error', 'cli.js.map'],
    ])
    expect(r.findings[0].message).toBe(
      'cli.js.map embeds 1,906 original source files (381 KB) from ../src/ and 2,850 from node_modules (570 KB)',
    )
    expect(r.result).toBe('fail')
  })

  test('a map without content still lists the source tree (warning)', async () => {
    const r = await checkBytes(
      'p.tgz',
      npmTgz({ 'index.js.map': bundleMap({ firstParty: 12, deps: 3, content: false }) }),
    )
    expect(r.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        'sourcemap/file',
        'warning',
        'source map index.js.map lists 12 original source files from ../src/ and 3 from node_modules (no embedded content)',
      ],
    ])
  })

  test('inline data: maps are decoded and analysed; external URLs name the host', async () => {
    const inline = Buffer.from(bundleMap({ firstParty: 2, deps: 0, content: true })).toString(
      'base64',
    )
    const r = await checkBytes(
      'p.tgz',
      npmTgz({
        'a.js': `a()\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${inline}\n`,
        'b.css':
          'b{}\n/*# sourceMappingURL=https://storage.googleapis.com/internal-maps/b.css.map */',
        'c.js': 'c()\n//# sourceMappingURL=c.js.map',
      }),
    )
    expect(r.findings.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['sourcemap/inline', 'a.js', 2],
      ['sourcemap/external-url', 'b.css', 2],
    ])
    expect(r.findings[0].message).toMatch(
      /^a.js carries an inline source map \(.+\) embedding 2 original source files \(80 B\) from \.\.\/src\/$/,
    )
    expect(r.findings[1].message).toContain('storage.googleapis.com')
  })

  test('a malformed map is a finding, not a crash; a non-JSON .map is not a source map', async () => {
    const r = await checkBytes(
      'p.tgz',
      npmTgz({
        'a.js.map': '{"version":3,"sources":["a.ts"',
        'level.map': Buffer.from([0, 1, 2, 3]),
      }),
    )
    expect(r.findings.map((f) => [f.rule, f.file])).toEqual([['sourcemap/malformed', 'a.js.map']])
  })

  test('sourcemaps: allow/warn/forbid for projects that ship maps on purpose', async () => {
    const pkg = npmTgz({
      'a.js.map': bundleMap({ firstParty: 1, deps: 0, content: true }),
      'b.js.map': bundleMap({ firstParty: 1, deps: 0, content: false }),
    })
    const allowed = await checkBytes(
      'p.tgz',
      pkg,
      'sourcemaps:\n  sources-content: allow\n  files: allow\n',
    )
    expect(allowed.findings).toEqual([])
    const warned = await checkBytes(
      'p.tgz',
      pkg,
      'sourcemaps:\n  sources-content: warn\n  files: forbid\n',
    )
    expect(warned.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['sourcemap/file', 'error'],
      ['sourcemap/sources-content', 'warning'],
    ])
    expect(
      rulesOf(
        await checkBytes(
          'p.tgz',
          pkg,
          'sourcemaps:\n  files: allow\nrules:\n  sourcemap/file: notice\n',
        ),
      ),
    ).toContain('sourcemap/file')
  })
})
