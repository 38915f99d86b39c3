import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { runAction } from './helpers/action.js'
import { tempDir, writeTree } from './helpers/fs.js'
import { ROOT, runCli } from './helpers/run.js'
import { npmTgz, tgz } from './helpers/tar.js'

let ws: string

beforeAll(async () => {
  ws = await tempDir()
  const many: Record<string, string> = { 'package.json': '{}' }
  for (let i = 0; i < 14; i++) many[`maps/f${i}.js.map`] = '{}'
  await writeTree(ws, {
    'clean-1.0.0.tgz': npmTgz({ 'package.json': '{}', 'index.js': '1' }),
    'leaky-1.0.0.tgz': npmTgz(many),
    'site/index.html': '<p>hi</p>',
    'site/app.js.map': '{}',
    'policy.yml': "extends: none\nfiles:\n  forbid: ['*.map']\n",
  })
})

describe('the Action, run as the runner runs it', () => {
  test('a hostile file name cannot inject workflow commands or forge lines', async () => {
    const evil =
      'package/x\n::error file=forged.js::forged\r\n::set-output name=result::pass\u202e.env'
    await writeTree(ws, {
      'evil.tgz': tgz([{ name: evil, content: 'A=1' }]),
      'all.yml': "extends: none\nfiles:\n  forbid: ['**']\n",
    })
    const r = await runAction(ws, { path: 'evil.tgz', config: 'all.yml', 'fail-on': 'never' })
    expect(r.status).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines.filter((l) => l.startsWith('::error file=forged'))).toEqual([])
    expect(lines.filter((l) => l.startsWith('::set-output'))).toEqual([])
    expect(r.stdout).not.toContain('\u202e')
    expect(r.outputs.result).toBe('pass')
    const annotation = lines.find((l) => l.startsWith('::error title=packguard file/forbidden'))
    expect(annotation).toContain('x\\u{a}%3A\\u{3a}error file=forged.js%3A\\u{3a}forged')
    expect(r.summary).not.toMatch(/^::/m)
  })

  test('dogfood: packguard passes its own npm package', async () => {
    const out = await tempDir()
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', out], {
      cwd: ROOT,
    })
    const r = await runAction(out, { path: 'packguard-*.tgz' })
    expect(r.outputs.result).toBe('pass')
    expect(r.status).toBe(0)
  })

  test('lockfile drift: outputs drifts and the proposed lockfile', async () => {
    await writeTree(ws, {
      'v1.tgz': npmTgz({ 'package.json': '{"files":["a.js"]}', 'a.js': '1' }, { 'a.js': 0o755 }),
      'v2.tgz': npmTgz({ 'package.json': '{"files":["a.js"]}', 'a.js': '1', 'b.js': '2' }),
    })
    runCli(['snapshot', 'v1.tgz', '--output', 'pkg.lock.json'], { cwd: ws })
    const same = await runAction(ws, { path: 'v1.tgz', lockfile: 'pkg.lock.json' })
    expect(same.status).toBe(0)
    expect(same.outputs.drifts).toBe('0')
    expect(same.outputs.lockfile).toBeUndefined()
    const r = await runAction(ws, { path: 'v2.tgz', lockfile: 'pkg.lock.json' })
    expect(r.status).toBe(1)
    expect(r.outputs.drifts).toBe('2')
    expect(r.outputs.lockfile).toBe(join(ws, 'packguard.lock.json'))
    const proposed = JSON.parse(await readFile(r.outputs.lockfile, 'utf8'))
    expect(
      proposed.files.map((f: { path: string; mode: string }) => `${f.path} ${f.mode}`),
    ).toEqual(['a.js 0644', 'b.js 0644', 'package.json 0644'])
  })

  test('a clean artifact passes and sets every output', async () => {
    const r = await runAction(ws, { path: 'clean-1.0.0.tgz', config: 'policy.yml' })
    expect(r.status).toBe(0)
    expect(r.outputs).toMatchObject({ result: 'pass', findings: '0', errors: '0', warnings: '0' })
    expect(r.outputs.report).toBe(join(ws, 'packguard-report.json'))
    expect(JSON.parse(await readFile(r.outputs.report, 'utf8')).result).toBe('pass')
    expect(r.summary).toMatch(/^## ✅ packguard: pass$/m)
  })

  test('findings fail the step, with at most 10 annotations per type and all in the summary', async () => {
    const r = await runAction(ws, {
      path: 'leaky-1.0.0.tgz\nclean-1.0.0.tgz',
      config: 'policy.yml',
      'report-file': 'out/../r.json',
    })
    expect(r.status).toBe(1)
    expect(r.outputs).toMatchObject({
      result: 'fail',
      findings: '14',
      errors: '14',
      report: join(ws, 'r.json'),
    })
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error '))
    expect(errors).toHaveLength(10)
    expect(r.stdout).toMatch(/^packguard: fail \(14 error\(s\)/m)
    expect(errors[0]).toMatch(
      /^::error title=packguard file\/forbidden%3A leaky-1.0.0.tgz → maps\/f0.js.map::maps\/f0.js.map matches/,
    )
    expect(r.summary.match(/file\/forbidden\]/g)).toHaveLength(14)
  })

  test('a folder in the checkout is annotated on the real file', async () => {
    const r = await runAction(ws, { path: 'site', config: 'policy.yml' })
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^::error title=[^\n]*,file=site\/app.js.map::app.js.map matches/m)
  })

  test('fail-on never passes; bad inputs are exit 2; unreadable artifacts exit 3', async () => {
    expect(
      (await runAction(ws, { path: 'leaky-1.0.0.tgz', config: 'policy.yml', 'fail-on': 'never' }))
        .status,
    ).toBe(0)
    const bad = await runAction(ws, { path: 'clean-1.0.0.tgz', 'fail-on': 'maybe' })
    expect(bad.status).toBe(2)
    expect(bad.stdout).toMatch(/^::error::Invalid fail-on 'maybe'/m)
    expect((await runAction(ws, { path: '' })).status).toBe(2)
    const missing = await runAction(ws, { path: 'gone.tgz' })
    expect(missing.status).toBe(3)
    expect(missing.stdout).toMatch(
      /^::error title=packguard%3A artifact not read completely::gone.tgz: no such file or directory/m,
    )
  })
})
