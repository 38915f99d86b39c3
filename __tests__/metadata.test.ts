import { createHash } from 'node:crypto'
import { describe, expect, test } from '@jest/globals'
import { checkBytes } from './helpers/check.js'
import { runCli } from './helpers/run.js'
import { tempDir, writeTree } from './helpers/fs.js'
import { npmTgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

const rulesOf = (r: { findings: Array<{ rule: string; file: string }> }) =>
  r.findings.map((f) => `${f.rule} ${f.file}`)

describe('npm metadata', () => {
  const good = {
    name: 'tool',
    version: '1.2.3',
    main: './dist/index',
    types: 'dist/index.d.ts',
    bin: { tool: 'bin/tool.js' },
    exports: {
      '.': { import: './dist/index.mjs', require: './dist/index.js' },
      './feature/*': './dist/feature/*.js',
    },
    files: ['dist', 'bin'],
  }
  const files = {
    'dist/index.js': '',
    'dist/index.mjs': '',
    'dist/index.d.ts': '',
    'dist/feature/a.js': '',
    'bin/tool.js': '#!/usr/bin/env node\n',
  }

  test('a well-formed package has no metadata findings', async () => {
    const r = await checkBytes(
      'p.tgz',
      npmTgz({ 'package.json': JSON.stringify(good), ...files }, { 'bin/tool.js': 0o755 }),
    )
    expect(r.findings).toEqual([])
  })

  test('missing entry points, a bin without shebang or x bit, private, no files list', async () => {
    const pkg = { ...good, private: true, files: undefined, module: 'dist/esm.js' }
    const r = await checkBytes(
      'p.tgz',
      npmTgz({
        'package.json': JSON.stringify(pkg),
        'dist/index.js': '',
        'bin/tool.js': 'console.log(1)',
      }),
    )
    expect(rulesOf(r)).toEqual([
      'metadata/bin-shebang bin/tool.js',
      'metadata/missing-entry-point package.json',
      'metadata/missing-entry-point package.json',
      'metadata/missing-entry-point package.json',
      'metadata/private-package package.json',
      'metadata/missing-entry-point package.json',
      'metadata/bin-not-executable bin/tool.js',
      'metadata/no-files-list package.json',
    ])
    const missing = r.findings
      .filter((f) => f.rule === 'metadata/missing-entry-point')
      .map((f) => f.message)
    expect(missing).toEqual([
      'package.json exports["."]["import"] points to ./dist/index.mjs, which is not in the artifact',
      'package.json module points to dist/esm.js, which is not in the artifact',
      'package.json types points to dist/index.d.ts, which is not in the artifact',
      'package.json exports["./feature/*"] points to ./dist/feature/*.js, which matches no file in the artifact',
    ])
  })

  test('the version must match the release tag (GITHUB_REF) or --expect-version', async () => {
    const dir = await tempDir()
    await writeTree(dir, {
      'p.tgz': npmTgz({ 'package.json': JSON.stringify(good), ...files }, { 'bin/tool.js': 0o755 }),
    })
    expect(
      runCli(['check', 'p.tgz'], { cwd: dir, env: { GITHUB_REF: 'refs/tags/v1.2.3' } }).status,
    ).toBe(0)
    const tag = runCli(['check', 'p.tgz'], { cwd: dir, env: { GITHUB_REF: 'refs/tags/v1.3.0' } })
    expect(tag.status).toBe(1)
    expect(tag.stdout).toContain('package.json version is 1.2.3 but the release is 1.3.0')
    expect(runCli(['check', 'p.tgz', '--expect-version', '2.0.0'], { cwd: dir }).status).toBe(1)
    expect(
      runCli(['check', 'p.tgz'], { cwd: dir, env: { GITHUB_REF: 'refs/heads/main' } }).status,
    ).toBe(0)
  })
  test('a monorepo tag naming one package applies to that package only', async () => {
    const dir = await tempDir()
    const pkg = (name: string, version: string) =>
      npmTgz(
        { 'package.json': JSON.stringify({ ...good, name, version }), ...files },
        { 'bin/tool.js': 0o755 },
      )
    await writeTree(dir, {
      'core.tgz': pkg('@acme/core', '2.4.0'),
      'utils.tgz': pkg('@acme/utils', '1.0.3'),
    })
    const versions = (ref: string) =>
      runCli(['check', 'core.tgz', 'utils.tgz', '--format', 'json'], {
        cwd: dir,
        env: { GITHUB_REF: ref },
      })
    const mismatches = (ref: string) =>
      JSON.parse(versions(ref).stdout)
        .findings.filter((f: { rule: string }) => f.rule === 'metadata/version-mismatch')
        .map((f: { artifact: string; message: string }) => `${f.artifact}: ${f.message}`)
    for (const tag of ['@acme/core@2.4.0', 'core@2.4.0', 'core-v2.4.0'])
      expect(mismatches(`refs/tags/${tag}`)).toEqual([])
    expect(mismatches('refs/tags/@acme/core@2.5.0')).toEqual([
      'core.tgz: package.json version is 2.4.0 but the release is 2.5.0 (@acme/core@2.5.0)',
    ])
    // A plain tag keeps its meaning: every package is that version.
    expect(mismatches('refs/tags/v2.4.0')).toEqual([
      'utils.tgz: package.json version is 1.0.3 but the release is 2.4.0',
    ])
    const explicit = runCli(['check', 'utils.tgz', '--expect-version', '@acme/utils@1.0.3'], {
      cwd: dir,
    })
    expect(explicit.status).toBe(0)
  })
})

describe('wheel metadata', () => {
  const b64 = (s: string) => createHash('sha256').update(s).digest('base64url')
  const wheel = (opts: {
    name?: string
    record?: (rows: string[]) => string[]
    extra?: boolean
  }) => {
    const files: Record<string, string> = {
      'demo_pkg/__init__.py': 'x = 1\n',
      'demo_pkg-1.0.dist-info/METADATA': `Metadata-Version: 2.1\nName: ${opts.name ?? 'demo-pkg'}\nVersion: 1.0\n`,
    }
    let rows = Object.entries(files).map(([p, c]) => `${p},sha256=${b64(c)},${c.length}`)
    rows.push('demo_pkg-1.0.dist-info/RECORD,,')
    if (opts.record) rows = opts.record(rows)
    const items = Object.entries(files).map(([name, content]) => ({ name, content }))
    items.push({ name: 'demo_pkg-1.0.dist-info/RECORD', content: `${rows.join('\n')}\n` })
    if (opts.extra) items.push({ name: 'demo_pkg/sneaky.py', content: 'y' })
    return zip(items)
  }

  test('a consistent wheel passes', async () => {
    expect((await checkBytes('demo_pkg-1.0-py3-none-any.whl', wheel({}))).findings).toEqual([])
  })

  test('name mismatch, unlisted files, stale hashes, listed files that are gone', async () => {
    expect(
      rulesOf(await checkBytes('demo_pkg-1.0-py3-none-any.whl', wheel({ name: 'other' }))),
    ).toEqual(['metadata/wheel-name-mismatch demo_pkg-1.0.dist-info/METADATA'])
    expect(
      rulesOf(await checkBytes('demo_pkg-1.0-py3-none-any.whl', wheel({ extra: true }))),
    ).toEqual(['metadata/wheel-record demo_pkg/sneaky.py'])
    const stale = wheel({
      record: (rows) => rows.map((r) => r.replace(/sha256=[^,]+/, 'sha256=AAAA')),
    })
    expect(rulesOf(await checkBytes('demo_pkg-1.0-py3-none-any.whl', stale))).toEqual([
      'metadata/wheel-record demo_pkg-1.0.dist-info/METADATA',
      'metadata/wheel-record demo_pkg/__init__.py',
    ])
    const gone = wheel({ record: (rows) => [...rows, 'demo_pkg/deleted.py,sha256=x,1'] })
    expect(rulesOf(await checkBytes('demo_pkg-1.0-py3-none-any.whl', gone))).toEqual([
      'metadata/wheel-record demo_pkg/deleted.py',
    ])
  })
})
