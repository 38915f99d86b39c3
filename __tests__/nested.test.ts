import { describe, expect, test } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import { checkBytes } from './helpers/check.js'
import { npmTgz, tgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

describe('nested archives', () => {
  test('a jar in a zip is opened; findings name outer!/inner paths', async () => {
    const jar = zip([
      { name: 'com/a/app.properties', content: 'x' },
      { name: 'META-INF/.env', content: 'A=1' },
    ])
    const r = await checkBytes('dist.zip', zip([{ name: 'lib/x.jar', content: jar, method: 0 }]))
    expect(r.findings.map((f) => [f.rule, f.file])).toEqual([
      ['file/sensitive-env', 'lib/x.jar!/META-INF/.env'],
    ])
  })

  test('a vendored tgz inside a tgz, and a wheel inside a tar.gz', async () => {
    const inner = npmTgz({
      'index.js.map': JSON.stringify({
        version: 3,
        sources: ['../src/a.ts'],
        sourcesContent: ['x'],
        mappings: '',
      }),
    })
    const whl = zip([{ name: 'pkg/.npmrc', content: `_authToken=${'abc'.repeat(4)}` }])
    const r = await checkBytes(
      'outer.tar.gz',
      tgz([
        { name: 'vendor/dep-1.0.0.tgz', content: inner },
        { name: 'wheels/p.whl', content: whl },
      ]),
    )
    expect(r.findings.map((f) => [f.rule, f.file])).toEqual([
      ['sourcemap/sources-content', 'vendor/dep-1.0.0.tgz!/index.js.map'],
      ['file/sensitive-registry-credentials', 'wheels/p.whl!/pkg/.npmrc'],
    ])
  })

  test('a gzip that holds no tar is read as its one file', async () => {
    const map = JSON.stringify({
      version: 3,
      sources: ['../src/a.ts'],
      sourcesContent: ['x'],
      mappings: '',
    })
    const r = await checkBytes('p.tgz', npmTgz({ 'assets/app.js.map.gz': gzipSync(map) }))
    expect(r.findings.map((f) => [f.rule, f.file])).toEqual([
      ['sourcemap/sources-content', 'assets/app.js.map.gz!/app.js.map'],
    ])
  })

  test('depth is limited (default 3) and the budget is shared', async () => {
    let blob = zip([{ name: '.env', content: 'A=1' }])
    for (let i = 0; i < 4; i++) blob = zip([{ name: `l${i}.zip`, content: blob }])
    const r = await checkBytes('deep.zip', blob)
    expect(r.findings.map((f) => [f.rule, f.file])).toEqual([
      ['archive/limit-exceeded', 'l3.zip!/l2.zip!/l1.zip!/l0.zip'],
    ])
    const shallow = await checkBytes('deep.zip', blob, 'safety:\n  max-depth: 5\n')
    expect(shallow.findings.map((f) => f.file)).toEqual(['l3.zip!/l2.zip!/l1.zip!/l0.zip!/.env'])
    const items = Array.from({ length: 8 }, (_, i) => ({ name: `f${i}`, content: 'x' }))
    const shared = await checkBytes(
      'o.zip',
      zip([
        { name: 'a.zip', content: zip(items) },
        { name: 'b.zip', content: zip(items) },
      ]),
      'safety:\n  max-entries: 12\n',
    )
    expect(shared.findings.map((f) => f.rule)).toEqual(['archive/limit-exceeded'])
  })

  test('a corrupt nested archive is an error finding; the outer artifact is still read', async () => {
    const broken = zip([{ name: 'a.txt', content: 'hello' }]).subarray(0, 40)
    const r = await checkBytes(
      'o.tgz',
      npmTgz({ 'lib/broken.zip': Buffer.concat([broken, Buffer.alloc(30)]), '.env': 'A=1' }),
    )
    expect(r.artifacts[0].error).toBeUndefined()
    expect(r.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([
      ['file/sensitive-env', 'error', '.env'],
      ['archive/unreadable-entry', 'error', 'lib/broken.zip'],
    ])
  })

  test('nested entries do not count toward file rules or size budgets of the artifact', async () => {
    const r = await checkBytes(
      'o.tgz',
      npmTgz({ 'lib/x.jar': zip([{ name: 'A.class', content: 'x' }]) }),
      'files:\n  allow: [lib/*.jar]\nlimits:\n  max-files: 1\n',
    )
    expect(r.findings).toEqual([])
    expect(r.artifacts[0].files).toBe(1)
  })
})
