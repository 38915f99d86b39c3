import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { tempDir, writeTree } from './helpers/fs.js'
import { runCli } from './helpers/run.js'
import { npmTgz } from './helpers/tar.js'

// The lockfile as a release train lives with it: a plain version bump proposes no new lockfile,
// a lockfile that ships inside the package never counts against itself, and snapshot finds its
// artifact as check does.

/** A release without a `files` list: everything ships, the committed lockfile too. */
function release(version: string, opts: { lock?: string; extra?: boolean; grow?: number } = {}) {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'train', version, main: 'index.js' }),
    'index.js': `module.exports = ${JSON.stringify(version)}\n${'x();\n'.repeat(500 + (opts.grow ?? 0))}`,
  }
  if (opts.lock !== undefined) files['packguard.lock.json'] = opts.lock
  if (opts.extra) files['debug.log'] = 'left behind\n'
  return npmTgz(files)
}

let dir: string
beforeAll(async () => {
  dir = await tempDir()
  await writeTree(dir, {
    'train-1.0.0.tgz': release('1.0.0', { lock: '{"old": true}' }),
    // The next release: a new version, its bundle a few bytes bigger, its shipped lockfile new.
    'train-1.0.1.tgz': release('1.0.1', { lock: '{"schemaVersion": 1, "files": []}', grow: 3 }),
    'train-1.0.2.tgz': release('1.0.2', { lock: '{}', extra: true }),
  })
  const snap = runCli(['snapshot', 'train-1.0.0.tgz', '--output', 'packguard.lock.json'], {
    cwd: dir,
  })
  expect(snap.status).toBe(0)
})

const check = (artifact: string, ...more: string[]) => {
  const r = runCli(
    ['check', artifact, '--lockfile', 'packguard.lock.json', '--format', 'json', ...more],
    { cwd: dir },
  )
  const report = JSON.parse(r.stdout)
  const drift = report.findings
    .filter((f: { rule: string }) => f.rule.startsWith('drift/'))
    .map((f: { rule: string; file: string }) => `${f.rule} ${f.file}`)
  return { status: r.status, drift, changed: report.artifacts[0].lockfile?.changed, report }
}

describe('a lockfile that ships inside the artifact', () => {
  test('is not in the snapshot, so the same release passes against it', async () => {
    const lock = JSON.parse(await readFile(join(dir, 'packguard.lock.json'), 'utf8'))
    expect(lock.files.map((f: { path: string }) => f.path)).toEqual(['index.js', 'package.json'])
    expect(check('train-1.0.0.tgz')).toMatchObject({ status: 0, drift: [], changed: false })
  })

  test('a lockfile that listed itself (written before) still does not count', async () => {
    const lock = JSON.parse(await readFile(join(dir, 'packguard.lock.json'), 'utf8'))
    lock.files.push({ path: 'packguard.lock.json', size: 99, mode: '0644' })
    lock.totals = { files: 3, bytes: lock.totals.bytes + 99 }
    await writeFile(join(dir, 'self.lock.json'), JSON.stringify(lock))
    const r = runCli(
      ['check', 'train-1.0.0.tgz', '--lockfile', 'self.lock.json', '--format', 'json'],
      { cwd: dir },
    )
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).not.toContain(
      'drift/file-removed',
    )
  })
})

describe('after a plain version bump', () => {
  test('no drift, and the lockfile is not reported as differing (no commit proposed)', () => {
    const r = check('train-1.0.1.tgz')
    expect(r).toMatchObject({ status: 0, drift: [], changed: false })
  })

  test('a change the drift settings compare makes it differ', () => {
    const r = check('train-1.0.2.tgz')
    expect(r.drift).toEqual(['drift/file-added debug.log'])
    expect(r.changed).toBe(true)
  })

  test('--update-lockfile refreshes its sizes and hashes all the same', async () => {
    await writeFile(join(dir, 'bump.lock.json'), await readFile(join(dir, 'packguard.lock.json')))
    const u = runCli(
      ['check', 'train-1.0.1.tgz', '--lockfile', 'bump.lock.json', '--update-lockfile'],
      { cwd: dir },
    )
    expect(u.status).toBe(0)
    const before = JSON.parse(await readFile(join(dir, 'packguard.lock.json'), 'utf8'))
    const after = JSON.parse(await readFile(join(dir, 'bump.lock.json'), 'utf8'))
    expect(after.files[0].path).toBe('index.js')
    expect(after.files[0].size).toBe(before.files[0].size + 15)
    expect(after.files[0].sha256).not.toBe(before.files[0].sha256)
  })
})

describe('snapshot finds its artifact as check does', () => {
  test('a glob that matches exactly one artifact', () => {
    const r = runCli(['snapshot', 'train-1.0.0.*', '--output', '-'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual([
      'index.js',
      'package.json',
      // written to stdout: no lockfile of its own to leave out
      'packguard.lock.json',
    ])
  })

  test('a glob that matches several is a usage error naming them', () => {
    const r = runCli(['snapshot', 'train-*.tgz'], { cwd: dir })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(
      "snapshot takes exactly one artifact, but 'train-*.tgz' matches 3: train-1.0.0.tgz, train-1.0.1.tgz, train-1.0.2.tgz",
    )
  })

  test('a glob that matches nothing is a missing artifact (exit 3)', () => {
    expect(runCli(['snapshot', 'nothing-*.tgz'], { cwd: dir }).status).toBe(3)
  })
})
