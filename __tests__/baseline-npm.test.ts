import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { list } from 'tar'
import {
  defaultCacheDir,
  fetchNpmBaseline,
  parseNpmBaseline,
  pickPreviousVersion,
} from '../src/drift/baseline-npm.js'
import { compareVersions } from '../src/drift/semver.js'
import { tempDir, writeTree } from './helpers/fs.js'
import {
  addUser,
  isolatedNpmEnv,
  publishPackage,
  startRegistry,
  type LocalRegistry,
} from './helpers/registry.js'

describe('parseNpmBaseline', () => {
  test.each([
    ['npm:previous', { range: 'previous' }],
    ['npm:fixture-pkg@1.2.3', { name: 'fixture-pkg', range: '1.2.3' }],
    ['npm:fixture-pkg@latest', { name: 'fixture-pkg', range: 'latest' }],
    ['npm:@scope/pkg@1.2.3-beta.1', { name: '@scope/pkg', range: '1.2.3-beta.1' }],
    ['npm:@scope/pkg@next', { name: '@scope/pkg', range: 'next' }],
    ['npm:previous@2.0.0', { name: 'previous', range: '2.0.0' }],
    ['npm:JSONStream@^1.0.0', { name: 'JSONStream', range: '^1.0.0' }],
  ])('%s', (spec, expected) => {
    expect(parseNpmBaseline(spec)).toEqual(expected)
  })

  test.each(['baseline.tgz', './npm:odd.tgz', 'dist/pkg-1.0.0.tgz', 'NPM:pkg@1.0.0'])(
    '%s is a file path',
    (spec) => expect(parseNpmBaseline(spec)).toBeUndefined(),
  )

  test.each([
    'npm:',
    'npm:fixture-pkg',
    'npm:fixture-pkg@',
    'npm:@scope/pkg',
    'npm:@scope@1.0.0',
    'npm:@1.0.0',
    'npm:-flag@1.0.0',
    'npm:../evil@1.0.0',
    'npm:a/b/c@1.0.0',
    'npm:pkg@1.0.0 2.0.0',
    'npm:pkg@1.0.0@2',
    'npm:previous ',
  ])('%s is malformed', (spec) => {
    expect(() => parseNpmBaseline(spec)).toThrow(
      `Invalid baseline '${spec}'. Expected npm:<name>@<version|tag> (e.g. npm:@scope/pkg@1.2.3) or npm:previous`,
    )
  })
})

describe('pickPreviousVersion', () => {
  const info = {
    versions: ['0.9.0', '1.0.0', '1.10.0', '1.9.0', '2.0.0-beta.1', '2.0.0-rc.1', '2.0.0'],
    distTags: { latest: '2.0.0', next: '2.0.0-rc.1' },
  }
  test('the latest release when it is not the version checked', () => {
    expect(pickPreviousVersion(info, '2.1.0')).toBe('2.0.0')
    expect(pickPreviousVersion(info, undefined)).toBe('2.0.0')
  })
  test('below the version checked by semver order, not string order, skipping prereleases', () => {
    expect(pickPreviousVersion(info, '2.0.0')).toBe('1.10.0')
  })
  test('a prerelease being checked may have a prerelease baseline', () => {
    const pre = { ...info, distTags: { latest: '2.0.0-rc.2' } }
    expect(
      pickPreviousVersion({ ...pre, versions: [...info.versions, '2.0.0-rc.2'] }, '2.0.0-rc.2'),
    ).toBe('2.0.0-rc.1')
  })
  test('a maintenance release compares with the highest version below it, not the newest', () => {
    const info2 = {
      versions: [...info.versions, '2.1.87', '2.1.88', '2.1.332', '3.0.0'],
      distTags: { latest: '3.0.0' },
    }
    expect(pickPreviousVersion(info2, '2.1.88')).toBe('2.1.87')
    expect(pickPreviousVersion(info2, '2.1.333')).toBe('2.1.332')
    expect(pickPreviousVersion(info2, '1.9.5')).toBe('1.9.0')
    expect(pickPreviousVersion(info2, '4.0.0')).toBe('3.0.0')
  })
  test('none before a first release', () => {
    expect(
      pickPreviousVersion({ versions: ['1.0.0'], distTags: { latest: '1.0.0' } }, '1.0.0'),
    ).toBeUndefined()
    expect(pickPreviousVersion({ versions: [], distTags: {} }, '1.0.0')).toBeUndefined()
  })
  test('a current version that is not semver is an error', () => {
    expect(() =>
      pickPreviousVersion({ versions: ['1.0.0'], distTags: { latest: 'x' } }, 'x'),
    ).toThrow("the current version 'x' is not a semver version")
  })
})

test('compareVersions follows semver precedence', () => {
  const order = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.2.0',
    '1.10.0',
    '10.0.0',
    '99999999999999999999.0.0',
  ]
  expect([...order].reverse().sort(compareVersions)).toEqual(order)
  expect(compareVersions('1.0.0+build.1', '1.0.0+build.2')).toBe(0)
})

test('defaultCacheDir', () => {
  expect(defaultCacheDir({ PACKGUARD_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe(
    '/c',
  )
  expect(defaultCacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe(join('/x', 'packguard'))
  expect(defaultCacheDir({ PACKGUARD_CACHE_DIR: '', HOME: '/h' })).toBe(
    join('/h', '.cache', 'packguard'),
  )
})

/** A port on 127.0.0.1 where nothing listens: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

const firstBytes = async (path: string) => [...(await readFile(path)).subarray(0, 2)]

describe('fetchNpmBaseline against a real registry on 127.0.0.1', () => {
  let registry: LocalRegistry
  let project: string
  let env: Record<string, string>
  const TOKEN_VAR = 'PACKGUARD_TEST_REGISTRY_TOKEN'

  beforeAll(async () => {
    registry = await startRegistry()
    const token = await addUser(registry, 'release-bot')
    await Promise.all([
      // In order: the last one published is `latest`.
      publishPackage(registry, { name: 'fixture-pkg', version: '1.0.0' }).then(() =>
        publishPackage(registry, { name: 'fixture-pkg', version: '1.1.0' }),
      ),
      publishPackage(registry, { name: '@acme/fixture', version: '2.0.0' }),
      publishPackage(registry, { name: '@private/fixture', version: '3.0.0' }, token),
    ])
    // The project, as a user's repository would have it: only its .npmrc names the registry,
    // and the token comes from the environment through npm's own ${VAR} expansion.
    project = await tempDir()
    await writeTree(project, {
      'package.json': JSON.stringify({ name: 'fixture-pkg', version: '1.2.0' }),
      '.npmrc': `registry=${registry.url}\n${registry.nerfDart}:_authToken=\${${TOKEN_VAR}}\n`,
    })
    env = await isolatedNpmEnv({ [TOKEN_VAR]: token })
  })

  afterAll(async () => {
    await registry?.stop()
  })

  const fetch = async (spec: string, more: Partial<Parameters<typeof fetchNpmBaseline>[0]> = {}) =>
    fetchNpmBaseline({ spec, cwd: project, cacheDir: await tempDir(), env, ...more })

  // Each npm call costs about half a second of start-up, so independent fetches run together.
  test('npm:previous: the latest release, or the one below the version being checked', async () => {
    const [newer, same] = await Promise.all([
      fetch('npm:previous', { packageName: 'fixture-pkg', currentVersion: '1.2.0' }),
      fetch('npm:previous', { packageName: 'fixture-pkg', currentVersion: '1.1.0' }),
    ])
    expect(newer).toMatchObject({ kind: 'found', name: 'fixture-pkg', version: '1.1.0' })
    expect(same).toMatchObject({ kind: 'found', name: 'fixture-pkg', version: '1.0.0' })
    if (newer.kind !== 'found') throw new Error('not found')
    expect(newer.path).toMatch(/fixture-pkg-1\.1\.0\.tgz$/)
    expect(await firstBytes(newer.path)).toEqual([0x1f, 0x8b])
  })

  test('a version, a dist-tag or a range, scoped or not', async () => {
    const cases = [
      ['npm:fixture-pkg@1.0.0', 'fixture-pkg', '1.0.0', 'fixture-pkg-1.0.0.tgz'],
      ['npm:fixture-pkg@latest', 'fixture-pkg', '1.1.0', 'fixture-pkg-1.1.0.tgz'],
      ['npm:fixture-pkg@^1.0.0', 'fixture-pkg', '1.1.0', 'fixture-pkg-1.1.0.tgz'],
      ['npm:@acme/fixture@2.0.0', '@acme/fixture', '2.0.0', '@acme+fixture-2.0.0.tgz'],
      ['npm:@acme/fixture@latest', '@acme/fixture', '2.0.0', '@acme+fixture-2.0.0.tgz'],
    ]
    await Promise.all(
      cases.map(async ([spec, name, version, file]) => {
        const cacheDir = await tempDir()
        expect({ spec, ...(await fetch(spec, { cacheDir })) }).toEqual({
          spec,
          kind: 'found',
          name,
          version,
          path: join(cacheDir, file),
        })
        expect(await firstBytes(join(cacheDir, file))).toEqual([0x1f, 0x8b])
      }),
    )
  })

  test('the tarball is the one published', async () => {
    const r = await fetch('npm:@acme/fixture@2.0.0')
    if (r.kind !== 'found') throw new Error('not found')
    const entries: Record<string, string> = {}
    await list({
      file: r.path,
      onReadEntry: (e) =>
        e.on('data', (d: Buffer) => (entries[e.path] = (entries[e.path] ?? '') + d)),
    })
    expect(Object.keys(entries).sort()).toEqual(['package/index.js', 'package/package.json'])
    expect(JSON.parse(entries['package/package.json'])).toMatchObject({
      name: '@acme/fixture',
      version: '2.0.0',
    })
  })

  test('npm:previous of a package never published, or of a first release, is not-found with a reason', async () => {
    const [previous, first] = await Promise.all([
      fetch('npm:previous', { packageName: '@acme/never', currentVersion: '1.0.0' }),
      fetch('npm:previous', { packageName: '@acme/fixture', currentVersion: '2.0.0' }),
    ])
    expect(previous).toEqual({
      kind: 'not-found',
      name: '@acme/never',
      reason:
        '@acme/never is not in the registry (never published, or not visible with the current npm credentials)',
    })
    expect(first).toEqual({
      kind: 'not-found',
      name: '@acme/fixture',
      reason: 'no version of @acme/fixture before 2.0.0 is published',
    })
  })

  test('a named package the registry does not have is an error, not a missing baseline', async () => {
    await expect(fetch('npm:never-published@1.0.0')).rejects.toThrow(
      /^Could not fetch baseline 'npm:never-published@1.0.0': npm view: E404/,
    )
  })

  test('a version or tag the package does not have is an error naming the spec', async () => {
    await Promise.all([
      expect(fetch('npm:fixture-pkg@9.9.9')).rejects.toThrow(
        "Could not fetch baseline 'npm:fixture-pkg@9.9.9': fixture-pkg@9.9.9 is not published (published: 1.0.0, 1.1.0)",
      ),
      expect(fetch('npm:fixture-pkg@no-such-tag')).rejects.toThrow(
        /^Could not fetch baseline 'npm:fixture-pkg@no-such-tag': npm view: E404 No match found/,
      ),
    ])
  })

  test('npm:previous needs the package name', async () => {
    await expect(fetch('npm:previous')).rejects.toThrow(
      'npm:previous needs the name of the package checked',
    )
  })

  test('auth comes from the project .npmrc and the environment', async () => {
    const anonymous = await tempDir()
    await writeTree(anonymous, { '.npmrc': `registry=${registry.url}\n` })
    await Promise.all([
      expect(fetch('npm:@private/fixture@3.0.0')).resolves.toMatchObject({
        kind: 'found',
        name: '@private/fixture',
        version: '3.0.0',
      }),
      expect(fetch('npm:@private/fixture@3.0.0', { cwd: anonymous })).rejects.toThrow(
        /^Could not fetch baseline 'npm:@private\/fixture@3\.0\.0': npm view: E401 /,
      ),
    ])
  })

  test('scoped registries in .npmrc apply; the default registry is the one .npmrc names', async () => {
    const scoped = await tempDir()
    const dead = `http://127.0.0.1:${await closedPort()}/`
    await writeTree(scoped, { '.npmrc': `registry=${dead}\n@acme:registry=${registry.url}\n` })
    await Promise.all([
      expect(fetch('npm:@acme/fixture@2.0.0', { cwd: scoped })).resolves.toMatchObject({
        kind: 'found',
      }),
      expect(fetch('npm:fixture-pkg@1.0.0', { cwd: scoped })).rejects.toThrow(
        /^Could not fetch baseline 'npm:fixture-pkg@1\.0\.0': npm view: ECONNREFUSED /,
      ),
    ])
  })

  // Stops the registry: keep this test last.
  test('a downloaded tarball is reused from the cache, even with the registry gone', async () => {
    const cacheDir = await tempDir()
    const first = await fetch('npm:previous', {
      packageName: 'fixture-pkg',
      currentVersion: '1.2.0',
      cacheDir,
    })
    if (first.kind !== 'found') throw new Error('not found')
    const again = await fetch('npm:previous', {
      packageName: 'fixture-pkg',
      currentVersion: '1.2.0',
      cacheDir,
    })
    expect(again).toEqual(first)
    expect((await stat(again.kind === 'found' ? again.path : '')).ino).toBe(
      (await stat(first.path)).ino,
    )

    await registry.stop()
    expect(await fetch('npm:fixture-pkg@1.1.0', { cacheDir })).toEqual(first)
    // npm serves a packument from its own cache when the registry is down: use an empty one.
    const coldNpm = await isolatedNpmEnv({ [TOKEN_VAR]: env[TOKEN_VAR] })
    await expect(fetch('npm:fixture-pkg@1.0.0', { cacheDir, env: coldNpm })).rejects.toThrow(
      /^Could not fetch baseline 'npm:fixture-pkg@1\.0\.0': npm view: ECONNREFUSED /,
    )
  })
})
