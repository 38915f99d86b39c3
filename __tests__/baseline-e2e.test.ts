import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { tempDir, writeTree } from './helpers/fs.js'
import {
  isolatedNpmEnv,
  publishPackage,
  startRegistry,
  type LocalRegistry,
} from './helpers/registry.js'
import { runCli } from './helpers/run.js'
import { npmTgz } from './helpers/tar.js'

let registry: LocalRegistry
let dir: string
let env: Record<string, string>

beforeAll(async () => {
  registry = await startRegistry()
  await publishPackage(registry, { name: 'e2e-pkg', version: '1.0.0' })
  await publishPackage(registry, { name: 'e2e-pkg', version: '1.1.0', files: { 'extra.js': '1' } })
  // The newest release is a later major: a maintenance release of 1.x is not compared with it.
  await publishPackage(registry, { name: 'e2e-pkg', version: '2.0.0', files: { 'v2.js': '2' } })
  dir = await tempDir()
  const pkg = (name: string, version: string) =>
    JSON.stringify({ name, version, main: 'index.js', files: ['*.js'] })
  await writeTree(dir, {
    '.npmrc': `registry=${registry.url}\n`,
    'e2e-pkg-1.2.0.tgz': npmTgz({
      'package.json': pkg('e2e-pkg', '1.2.0'),
      'index.js': '"1.2.0"\n',
      'extra.js': '1',
      'index.js.map': '{"version":3,"sources":[],"mappings":""}',
    }),
    'fresh-1.0.0.tgz': npmTgz({
      'package.json': pkg('never-published-pkg', '1.0.0'),
      'index.js': '1',
    }),
  })
  env = await isolatedNpmEnv({ PACKGUARD_CACHE_DIR: await tempDir() })
}, 120_000)

afterAll(async () => registry?.stop())

describe('--baseline npm:previous against a real registry on 127.0.0.1', () => {
  test('compares with the highest version below the one checked (not the newest 2.0.0), found through the project .npmrc', () => {
    const r = runCli(
      ['check', 'e2e-pkg-1.2.0.tgz', '--baseline', 'npm:previous', '--format', 'json'],
      { cwd: dir, env },
    )
    expect(r.stderr).toBe('')
    const findings = JSON.parse(r.stdout).findings
    expect(findings.map((f: { rule: string; file: string }) => [f.rule, f.file])).toEqual([
      ['drift/file-added', 'index.js.map'],
      ['sourcemap/file', 'index.js.map'],
    ])
    expect(findings[0].message).toBe('index.js.map (40 B) is new: it is not in e2e-pkg@1.1.0')
    expect(JSON.parse(r.stdout).artifacts[0].comparedWith).toEqual(['e2e-pkg@1.1.0'])
    expect(r.status).toBe(1)
    const text = runCli(['check', 'e2e-pkg-1.2.0.tgz', '--baseline', 'npm:previous'], {
      cwd: dir,
      env,
    })
    expect(text.stdout).toContain('compared with e2e-pkg@1.1.0')
  })

  test("an explicit baseline that cannot be fetched stops the run (exit 3), naming the spec and npm's error", () => {
    for (const spec of [
      'npm:no-such-package@1.0.0',
      'npm:e2e-pkg@9.9.9',
      'npm:e2e-pkg@no-such-tag',
    ]) {
      const r = runCli(['check', 'e2e-pkg-1.2.0.tgz', '--baseline', spec], { cwd: dir, env })
      expect([r.status, r.stdout + r.stderr]).toEqual([
        3,
        expect.stringContaining(`Could not fetch baseline '${spec}'`),
      ])
    }
    const unknown = runCli(
      ['check', 'e2e-pkg-1.2.0.tgz', '--baseline', 'npm:no-such-package@1.0.0'],
      {
        cwd: dir,
        env,
      },
    )
    expect(unknown.stdout).toMatch(/unreadable .*npm:no-such-package@1\.0\.0.*E404/)
  })

  test('a pinned version and a first release', () => {
    const pinned = runCli(
      ['check', 'e2e-pkg-1.2.0.tgz', '--baseline', 'npm:e2e-pkg@1.0.0', '--format', 'json'],
      { cwd: dir, env },
    )
    const rules = JSON.parse(pinned.stdout).findings.map(
      (f: { rule: string; file: string }) => `${f.rule} ${f.file}`,
    )
    expect(rules).toEqual([
      'drift/file-added extra.js',
      'drift/file-added index.js.map',
      'sourcemap/file index.js.map',
    ])
    const first = runCli(['check', 'fresh-1.0.0.tgz', '--baseline', 'npm:previous'], {
      cwd: dir,
      env,
    })
    expect(first.status).toBe(0)
    expect(first.stdout).toMatch(
      /notice +no baseline to compare with: never-published-pkg is not in the registry/,
    )
  })
})
