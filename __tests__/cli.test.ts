import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { tempDir, writeTree } from './helpers/fs.js'
import { runCli } from './helpers/run.js'
import { npmTgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'
import { VERSION } from '../src/version.js'

let dir: string

beforeAll(async () => {
  dir = await tempDir()
  await writeTree(dir, {
    'clean-1.0.0.tgz': npmTgz({ 'package.json': '{"files":[]}', 'index.js': '1' }),
    'leaky-1.0.0.tgz': npmTgz({ 'package.json': '{}', 'index.js': '1', 'index.js.map': '{}' }),
    'packages/a/a-1.0.0.tgz': npmTgz({ 'package.json': '{}' }),
    'packages/b/b-1.0.0.tgz': npmTgz({ 'package.json': '{}' }),
    'site-1.0.zip': zip([{ name: 'wheel/__init__.py', content: '' }]),
    'broken.tgz': 'not an archive',
    '.github/packguard.yml': "files:\n  forbid: ['*.map']\n",
  })
})

describe('packguard CLI', () => {
  test('--version and --help', () => {
    expect(runCli(['--version'], { cwd: dir }).stdout).toBe(`${VERSION}\n`)
    const help = runCli(['check', '--help'], { cwd: dir })
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/--fail-on <severity>/)
    expect(runCli(['--help'], { cwd: dir }).stdout).toMatch(/packguard check <artifact/)
  })

  test('exit 0 on a clean package, with a one-line verdict', () => {
    const r = runCli(['check', 'clean-1.0.0.tgz', 'site-1.0.zip'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/clean-1.0.0.tgz \(tar\+gzip, 2 files, 13 B\)\n {2}no findings/)
    expect(r.stdout.trim().split('\n').at(-1)).toBe(
      '✔ packguard: pass (0 error(s), 0 warning(s), 0 notice(s)) in 2 artifact(s)',
    )
  })

  test('exit 1 on findings from the config found in .github/', () => {
    const r = runCli(['check', 'leaky-1.0.0.tgz'], { cwd: dir })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      "  index.js.map\n    error    index.js.map matches files.forbid pattern '*.map'  file/forbidden",
    )
    expect(r.stdout).toMatch(/✖ packguard: fail \(1 error/)
  })

  test('exit 2 on usage and config errors, naming what is wrong', async () => {
    const bad = runCli(['check', 'clean-1.0.0.tgz', '--fail-on', 'sometimes'], { cwd: dir })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toBe(
      "packguard: Invalid fail-on 'sometimes'. Expected one of error, warning, notice, never.\n",
    )
    expect(runCli(['check'], { cwd: dir }).status).toBe(2)
    expect(runCli(['frobnicate'], { cwd: dir }).status).toBe(2)
    expect(runCli(['check', 'x.tgz', '--colour'], { cwd: dir }).stderr).toMatch(
      /Unknown option '--colour'/,
    )
    await writeFile(join(dir, 'bad.yml'), 'limits:\n  max-files: lots\n')
    const cfg = runCli(['check', 'clean-1.0.0.tgz', '--config', 'bad.yml'], { cwd: dir })
    expect(cfg.status).toBe(2)
    expect(cfg.stderr).toBe(
      'packguard: bad.yml: limits.max-files: expected a whole number of at least 0, got string "lots"\n',
    )
  })

  test('exit 3 when an artifact cannot be read, even next to a failing one', () => {
    const r = runCli(['check', 'broken.tgz', 'leaky-1.0.0.tgz', 'missing.tgz'], { cwd: dir })
    expect(r.status).toBe(3)
    expect(r.stdout).toMatch(/broken.tgz \(not read\)\n {2}unreadable {2}not a supported archive/)
    expect(r.stdout).toMatch(
      /missing.tgz \(not read\)\n {2}unreadable {2}no such file or directory/,
    )
    expect(r.stdout).toMatch(/could not read 2 of 3 artifact\(s\) completely/)
  })

  test('globs expand to each artifact, reported separately', () => {
    const r = runCli(['check', 'packages/*/*.tgz', '--format', 'json'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).artifacts.map((a: { path: string }) => a.path)).toEqual([
      'packages/a/a-1.0.0.tgz',
      'packages/b/b-1.0.0.tgz',
    ])
    const none = runCli(['check', 'nothing/*.tgz'], { cwd: dir })
    expect(none.status).toBe(3)
  })

  test('--format json is the report; --output writes it and still prints text', async () => {
    const r = runCli(['check', 'leaky-1.0.0.tgz', '--format', 'json'], { cwd: dir })
    const report = JSON.parse(r.stdout)
    expect(Object.keys(report)).toEqual([
      'schemaVersion',
      'tool',
      'result',
      'failOn',
      'artifacts',
      'findings',
      'suppressed',
      'counts',
    ])
    expect(report.findings[0]).toMatchObject({
      rule: 'file/forbidden',
      category: 'policy',
      severity: 'error',
      artifact: 'leaky-1.0.0.tgz',
      file: 'index.js.map',
    })
    const out = runCli(['check', 'leaky-1.0.0.tgz', '--format', 'json', '--output', 'r.json'], {
      cwd: dir,
    })
    expect(out.stdout).toMatch(/✖ packguard: fail/)
    expect(JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')).result).toBe('fail')
    const md = runCli(['check', 'leaky-1.0.0.tgz', '--format', 'markdown'], { cwd: dir })
    expect(md.stdout).toMatch(/^## ❌ packguard: fail$/m)
  })

  test('colour only on request, never with NO_COLOR', () => {
    const colored = runCli(['check', 'leaky-1.0.0.tgz'], {
      cwd: dir,
      env: { NO_COLOR: '', FORCE_COLOR: '1' },
    })
    expect(colored.stdout).toContain('\u001b[31m')
    const plain = runCli(['check', 'leaky-1.0.0.tgz'], {
      cwd: dir,
      env: { NO_COLOR: '1', FORCE_COLOR: '1' },
    })
    expect(plain.stdout).not.toContain('\u001b[')
  })
})
