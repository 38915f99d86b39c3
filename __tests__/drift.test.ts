import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { tempDir, writeTree } from './helpers/fs.js'
import { runCli } from './helpers/run.js'
import { npmTgz } from './helpers/tar.js'
import { bundleMap } from './helpers/sourcemap.js'

const BINS = ['x64-linux', 'arm64-linux', 'x64-darwin', 'arm64-darwin'].map(
  (a) => `vendor/ripgrep/${a}/rg`,
)

/** Release N, and release N+1 as the headline incident shipped it: a big map added, four binaries without their x bit. */
function release(next: boolean): Buffer {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({
      name: 'big-cli',
      version: next ? '1.0.1' : '1.0.0',
      bin: { big: 'cli.js' },
      files: ['cli.js*', 'vendor'],
    }),
    'cli.js': `#!/usr/bin/env node\n${'run();\n'.repeat(2000)}`,
  }
  const modes: Record<string, number> = { 'cli.js': 0o755 }
  for (const b of BINS) {
    files[b] = `\u007fELF${'x'.repeat(3000)}`
    modes[b] = next ? 0o644 : 0o755
  }
  if (next)
    files['cli.js.map'] = bundleMap({ firstParty: 300, deps: 200, content: true, bytesEach: 400 })
  return npmTgz(files, modes)
}

let dir: string
beforeAll(async () => {
  dir = await tempDir()
  await writeTree(dir, {
    'big-cli-1.0.0.tgz': release(false),
    'big-cli-1.0.1.tgz': release(true),
    'maps-ok.yml': 'sourcemaps:\n  sources-content: allow\n  files: allow\n',
  })
})

describe('packguard snapshot', () => {
  test('writes a deterministic lockfile: sorted paths, size, normalized mode, sha256, totals', async () => {
    const r = runCli(['snapshot', 'big-cli-1.0.0.tgz', '--output', 'a.lock.json'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^wrote a.lock.json \(6 files, /)
    runCli(['snapshot', 'big-cli-1.0.0.tgz', '--output', 'b.lock.json'], { cwd: dir })
    const a = await readFile(join(dir, 'a.lock.json'), 'utf8')
    expect(await readFile(join(dir, 'b.lock.json'), 'utf8')).toBe(a)
    const lock = JSON.parse(a)
    expect(Object.keys(lock)).toEqual(['schemaVersion', 'format', 'files', 'totals', 'package'])
    expect(lock.package).toEqual({})
    expect(lock.files.map((f: { path: string }) => f.path)).toEqual([
      'cli.js',
      'package.json',
      ...[...BINS].sort(),
    ])
    expect(lock.files[0]).toMatchObject({ path: 'cli.js', mode: '0755', size: 14020 })
    expect(lock.files[0].sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(lock.files[1].mode).toBe('0644')
    expect(runCli(['snapshot', 'big-cli-1.0.0.tgz', '--output', '-'], { cwd: dir }).stdout).toBe(a)
  })

  test('an unreadable artifact is exit 3; usage errors exit 2', () => {
    expect(runCli(['snapshot', 'nope.tgz'], { cwd: dir }).status).toBe(3)
    expect(runCli(['snapshot'], { cwd: dir }).status).toBe(2)
  })
})

describe('the headline incident against a lockfile', () => {
  test('release N+1 fails, naming the added map and each binary that lost its x bit', async () => {
    runCli(['snapshot', 'big-cli-1.0.0.tgz', '--output', 'packguard.lock.json'], { cwd: dir })
    const r = runCli(
      [
        'check',
        'big-cli-1.0.1.tgz',
        '--lockfile',
        'packguard.lock.json',
        '--config',
        'maps-ok.yml',
        '--format',
        'json',
      ],
      { cwd: dir },
    )
    expect(r.status).toBe(1)
    const report = JSON.parse(r.stdout)
    const drift = report.findings.filter((f: { rule: string }) => f.rule.startsWith('drift/'))
    expect(drift.map((f: { rule: string; file: string }) => [f.rule, f.file])).toEqual([
      ['drift/file-added', 'cli.js.map'],
      ...[...BINS].sort().map((b) => ['drift/mode-changed', b]),
      ['drift/total-size', ''],
    ])
    expect(drift[1].message).toBe(
      'vendor/ripgrep/arm64-darwin/rg lost its executable bit (0755 in the lockfile packguard.lock.json, 0644 now)',
    )
    expect(drift[0].message).toMatch(
      /^cli.js.map \(\d+ KB\) is new: it is not in the lockfile packguard.lock.json$/,
    )
    expect(report.artifacts[0].lockfile.changed).toBe(true)
    expect(report.artifacts[0].lockfile.proposed.files).toHaveLength(7)
    const text = runCli(
      [
        'check',
        'big-cli-1.0.1.tgz',
        '--lockfile',
        'packguard.lock.json',
        '--config',
        'maps-ok.yml',
      ],
      { cwd: dir },
    )
    expect(text.stdout).toContain('drift: 1 added, 4 mode changed')
  })

  test('--update-lockfile accepts the change in one reviewed file; the pair then passes', async () => {
    await writeFile(join(dir, 'accept.lock.json'), await readFile(join(dir, 'packguard.lock.json')))
    const u = runCli(
      [
        'check',
        'big-cli-1.0.1.tgz',
        '--lockfile',
        'accept.lock.json',
        '--update-lockfile',
        '--config',
        'maps-ok.yml',
      ],
      { cwd: dir },
    )
    expect(u.status).toBe(0)
    expect(u.stderr).toBe('packguard: updated accept.lock.json; review and commit it\n')
    const lock = JSON.parse(await readFile(join(dir, 'accept.lock.json'), 'utf8'))
    expect(lock.files.find((f: { path: string }) => f.path === BINS[0]).mode).toBe('0644')
    const again = runCli(
      ['check', 'big-cli-1.0.1.tgz', '--lockfile', 'accept.lock.json', '--config', 'maps-ok.yml'],
      { cwd: dir },
    )
    expect(again.status).toBe(0)
  })

  test('a missing or malformed lockfile is a usage/config error', async () => {
    expect(
      runCli(['check', 'big-cli-1.0.1.tgz', '--lockfile', 'none.json'], { cwd: dir }).stderr,
    ).toMatch(/Cannot read lockfile none.json \(ENOENT\). Create it with 'packguard snapshot/)
    await writeFile(join(dir, 'bad.json'), '{"schemaVersion": 2}')
    const bad = runCli(['check', 'big-cli-1.0.1.tgz', '--lockfile', 'bad.json'], { cwd: dir })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/bad.json: not a packguard lockfile/)
    expect(
      runCli(
        ['check', 'big-cli-1.0.0.tgz', 'big-cli-1.0.1.tgz', '--lockfile', 'packguard.lock.json'],
        { cwd: dir },
      ).status,
    ).toBe(2)
  })
})

describe('baseline artifacts', () => {
  test('--baseline <file> reports the same drift against the previous release', () => {
    const r = runCli(
      [
        'check',
        'big-cli-1.0.1.tgz',
        '--baseline',
        'big-cli-1.0.0.tgz',
        '--config',
        'maps-ok.yml',
        '--format',
        'json',
      ],
      { cwd: dir },
    )
    expect(r.status).toBe(1)
    const f = JSON.parse(r.stdout).findings.filter((x: { rule: string }) =>
      x.rule.startsWith('drift/'),
    )
    expect(f.map((x: { rule: string }) => x.rule)).toEqual([
      'drift/file-added',
      'drift/mode-changed',
      'drift/mode-changed',
      'drift/mode-changed',
      'drift/mode-changed',
      'drift/total-size',
    ])
    expect(f[0].message).toMatch(/is new: it is not in the baseline big-cli-1.0.0.tgz$/)
  })

  test('size tolerance and content comparison', async () => {
    const a = npmTgz({
      'package.json': '{"files":["a.js"]}',
      'a.js': 'x'.repeat(10_000),
      'b.js': 'y'.repeat(100),
    })
    const b = npmTgz({
      'package.json': '{"files":["a.js"]}',
      'a.js': 'x'.repeat(10_500),
      'b.js': 'z'.repeat(100),
    })
    const c = npmTgz({
      'package.json': '{"files":["a.js"]}',
      'a.js': 'x'.repeat(30_000),
      'b.js': 'y'.repeat(100),
    })
    await writeTree(dir, {
      'a.tgz': a,
      'b.tgz': b,
      'c.tgz': c,
      'content.yml': 'drift:\n  compare: content\n',
      'tight.yml': 'drift:\n  size-tolerance: {bytes: 100}\n',
    })
    const rules = (args: string[]) =>
      JSON.parse(runCli([...args, '--format', 'json'], { cwd: dir }).stdout).findings.map(
        (f: { rule: string; file: string }) => `${f.rule} ${f.file}`,
      )
    expect(rules(['check', 'b.tgz', '--baseline', 'a.tgz'])).toEqual([])
    expect(rules(['check', 'c.tgz', '--baseline', 'a.tgz'])).toEqual(['drift/size-changed a.js'])
    expect(rules(['check', 'b.tgz', '--baseline', 'a.tgz', '--config', 'tight.yml'])).toEqual([
      'drift/size-changed a.js',
    ])
    expect(rules(['check', 'b.tgz', '--baseline', 'a.tgz', '--config', 'content.yml'])).toEqual([
      'drift/content-changed a.js',
      'drift/content-changed b.js',
    ])
  })

  test('an unreadable baseline fails closed (exit 3); a malformed npm spec is exit 2', () => {
    const r = runCli(['check', 'a.tgz', '--baseline', 'missing.tgz'], { cwd: dir })
    expect(r.status).toBe(3)
    expect(r.stdout).toMatch(/baseline the baseline missing.tgz: no such file/)
    expect(runCli(['check', 'a.tgz', '--baseline', 'npm:'], { cwd: dir }).status).toBe(2)
  })
})
