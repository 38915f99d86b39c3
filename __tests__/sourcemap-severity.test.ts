import { describe, expect, test } from '@jest/globals'
import { isOpenExpression } from '../src/rules/licenses/spdx.js'
import { isPublicRepository } from '../src/rules/licenses/openness.js'
import { checkBytes } from './helpers/check.js'
import { bundleMap } from './helpers/sourcemap.js'
import { npmTgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

const map = bundleMap({ firstParty: 4, deps: 2, content: true })
const pkg = (extra: Record<string, unknown>) =>
  JSON.stringify({ name: 'lib', version: '1.0.0', main: 'cli.js', files: ['*'], ...extra })
const OPEN = {
  license: 'MIT',
  repository: { type: 'git', url: 'git+https://github.com/acme/lib.git' },
}

/** The sources-content findings of an npm tarball with this package.json and one embedding map. */
async function embedded(
  extra: Record<string, unknown>,
  yaml = '',
  files: Record<string, string> = {},
) {
  const r = await checkBytes(
    'lib.tgz',
    npmTgz({ 'package.json': pkg(extra), 'cli.js': '1', 'cli.js.map': map, ...files }),
    yaml,
  )
  return r.findings
    .filter((f) => f.rule === 'sourcemap/sources-content')
    .map((f) => `${f.severity}: ${f.message}`)
}

describe('sourcemap/sources-content: are the embedded sources public anyway?', () => {
  const headline =
    'cli.js.map embeds 4 original source files (160 B) from ../src/ and 2 from node_modules (80 B)'

  test('an open-source license and a public repository: a warning that says why', async () => {
    expect(await embedded(OPEN)).toEqual([
      `warning: ${headline} (MIT-licensed, public repository: its sources are public; \`sourcemaps: { sources-content: forbid }\` makes it an error)`,
    ])
    expect(
      await embedded({ license: '(MIT OR GPL-3.0-or-later)', repository: 'acme/lib' }),
    ).toHaveLength(1)
  })

  test.each([
    ['no license', { repository: 'acme/lib' }],
    ['UNLICENSED', { ...OPEN, license: 'UNLICENSED' }],
    ['SEE LICENSE IN', { ...OPEN, license: 'SEE LICENSE IN LICENSE.md' }],
    ['a proprietary name', { ...OPEN, license: 'Proprietary' }],
    ['private', { ...OPEN, private: true }],
    ['no repository', { license: 'MIT' }],
    ['an intranet repository', { ...OPEN, repository: 'https://git.corp.internal/acme/lib' }],
  ])('%s: an error, with the message unchanged', async (_, extra) => {
    expect(await embedded(extra)).toEqual([`error: ${headline}`])
  })

  test('a map new against the lockfile is an error whatever the license', async () => {
    const { writeFile } = await import('node:fs/promises')
    const { join } = await import('node:path')
    const { tempDir } = await import('./helpers/fs.js')
    const { runCli } = await import('./helpers/run.js')
    const dir = await tempDir()
    const before = npmTgz({ 'package.json': pkg(OPEN), 'cli.js': '1' })
    await writeFile(join(dir, 'lib.tgz'), before)
    expect(runCli(['snapshot', 'lib.tgz'], { cwd: dir }).status).toBe(0)
    await writeFile(
      join(dir, 'lib.tgz'),
      npmTgz({ 'package.json': pkg(OPEN), 'cli.js': '1', 'cli.js.map': map }),
    )
    const r = runCli(
      ['check', 'lib.tgz', '--lockfile', 'packguard.lock.json', '--format', 'json'],
      { cwd: dir },
    )
    const found = JSON.parse(r.stdout).findings.find(
      (f: { rule: string }) => f.rule === 'sourcemap/sources-content',
    )
    expect(found.severity).toBe('error')
    expect(found.message).toContain(
      '(new since the lockfile packguard.lock.json, which had no cli.js.map)',
    )
    expect(r.status).toBe(1)
  })

  test('only dependency code embedded: a notice', async () => {
    const deps = bundleMap({ firstParty: 0, deps: 3, content: true })
    const r = await checkBytes('lib.tgz', npmTgz({ 'package.json': pkg({}), 'cli.js.map': deps }))
    expect(
      r.findings.filter((f) => f.rule.startsWith('sourcemap/')).map((f) => f.severity),
    ).toEqual(['notice'])
  })

  test('strict and sourcemaps: forbid keep it an error', async () => {
    expect(await embedded(OPEN, 'extends: strict\n')).toEqual([`error: ${headline}`])
    expect(await embedded(OPEN, 'sourcemaps:\n  sources-content: forbid\n')).toEqual([
      expect.stringMatching(/^error: /),
    ])
  })
})

describe('wheels and jars: their metadata says', () => {
  const inWheel = (metadata: string) =>
    zip([
      { name: 'pkg/static/app.js.map', content: map },
      { name: 'pkg-1.0.dist-info/METADATA', content: metadata },
    ])
  const severities = async (name: string, bytes: Buffer) =>
    (await checkBytes(name, bytes)).findings
      .filter((f) => f.rule === 'sourcemap/sources-content')
      .map((f) => f.severity)

  test('a wheel: License-Expression or an OSI classifier, and a project URL', async () => {
    const head = 'Metadata-Version: 2.4\nName: pkg\nVersion: 1.0\n'
    const url = 'Project-URL: Source, https://github.com/acme/pkg\n'
    expect(
      await severities(
        'pkg-1.0-py3-none-any.whl',
        inWheel(`${head}License-Expression: MIT\n${url}`),
      ),
    ).toEqual(['warning'])
    expect(
      await severities(
        'pkg-1.0-py3-none-any.whl',
        inWheel(`${head}Classifier: License :: OSI Approved :: BSD License\n${url}`),
      ),
    ).toEqual(['warning'])
    expect(
      await severities('pkg-1.0-py3-none-any.whl', inWheel(`${head}License-Expression: MIT\n`)),
    ).toEqual(['error'])
    expect(await severities('pkg-1.0-py3-none-any.whl', inWheel(`${head}${url}`))).toEqual([
      'error',
    ])
  })

  test('a jar: pom.xml licenses and scm; nothing said stays an error', async () => {
    const pom = (license: string) =>
      `<project><licenses><license><name>${license}</name></license></licenses><scm><url>https://github.com/acme/web</url></scm></project>`
    const jar = (files: Array<{ name: string; content: string }>) =>
      zip([{ name: 'META-INF/resources/app.js.map', content: map }, ...files])
    const pomPath = 'META-INF/maven/com.acme/web/pom.xml'
    expect(
      await severities(
        'web.jar',
        jar([{ name: pomPath, content: pom('The Apache License, Version 2.0') }]),
      ),
    ).toEqual(['warning'])
    expect(
      await severities(
        'web.jar',
        jar([{ name: pomPath, content: pom('Acme Commercial License') }]),
      ),
    ).toEqual(['error'])
    expect(await severities('web.jar', jar([]))).toEqual(['error'])
  })
})

describe('sourcemap/file: one finding per artifact', () => {
  const listed = bundleMap({ firstParty: 3, deps: 0, content: false })

  test('maps without content are summed up; declaration maps only under strict', async () => {
    const files = {
      'package.json': pkg(OPEN),
      'a.js.map': listed,
      'b.js.map': listed,
      'lib/c.js.map': listed,
      'lib/d.js.map': listed,
      'index.d.ts.map': listed,
    }
    const r = await checkBytes('lib.tgz', npmTgz(files))
    expect(
      r.findings
        .filter((f) => f.rule === 'sourcemap/file')
        .map((f) => `${f.severity}: ${f.message}`),
    ).toEqual([
      'warning: 4 source maps ship without embedded sources, listing 12 original source file(s) from ../src/: a.js.map, b.js.map, lib/c.js.map, and 1 more',
    ])
    const strict = await checkBytes('lib.tgz', npmTgz(files), 'extends: strict\n')
    expect(strict.findings.find((f) => f.rule === 'sourcemap/file')?.message).toMatch(
      /^5 source maps/,
    )
    const onlyDeclarations = await checkBytes(
      'lib.tgz',
      npmTgz({ 'package.json': pkg(OPEN), 'x.d.ts.map': listed }),
    )
    expect(onlyDeclarations.findings.filter((f) => f.rule.startsWith('sourcemap/'))).toEqual([])
  })
})

describe('sourcemap/inline: only comments that decode to a map', () => {
  test('code that builds an inline-map comment carries no map', async () => {
    const code =
      'const c = "//# sourceMappingURL=data:application/json;base64," + btoa(JSON.stringify(m))\n'
    const r = await checkBytes('lib.tgz', npmTgz({ 'package.json': pkg(OPEN), 'min.js': code }))
    expect(r.findings.filter((f) => f.rule.startsWith('sourcemap/'))).toEqual([])
  })

  test('a real inline map embedding sources is judged like a map file', async () => {
    const b64 = Buffer.from(map).toString('base64')
    const js = `console.log(1)\n//# sourceMappingURL=data:application/json;base64,${b64}\n`
    const secret = await checkBytes('lib.tgz', npmTgz({ 'package.json': pkg({}), 'cli.js': js }))
    const open = await checkBytes('lib.tgz', npmTgz({ 'package.json': pkg(OPEN), 'cli.js': js }))
    const sev = (r: typeof open) =>
      r.findings.filter((f) => f.rule === 'sourcemap/inline').map((f) => f.severity)
    expect(sev(secret)).toEqual(['error'])
    expect(sev(open)).toEqual(['warning'])
  })
})

test('SPDX expressions and repository references', () => {
  for (const e of [
    'MIT',
    'Apache-2.0',
    'GPL-2.0+',
    'GPL-3.0-only',
    '(MIT OR Apache-2.0)',
    'Apache-2.0 WITH LLVM-exception',
    'MIT AND ISC',
    'CC0-1.0',
    'mit',
  ])
    expect([e, isOpenExpression(e)]).toEqual([e, true])
  for (const e of [
    'UNLICENSED',
    'SEE LICENSE IN LICENSE',
    'LicenseRef-Acme',
    'MIT AND LicenseRef-Acme',
    'Proprietary',
    '',
    '(MIT',
    'MIT OR',
  ])
    expect([e, isOpenExpression(e)]).toEqual([e, false])
  for (const r of [
    'acme/lib',
    'github:acme/lib',
    'git+ssh://git@github.com/acme/lib.git',
    'git@gitlab.com:acme/lib.git',
    'https://codeberg.org/acme/lib',
  ])
    expect([r, isPublicRepository(r)]).toEqual([r, true])
  for (const r of [
    'https://localhost/x',
    'https://git/x',
    'https://git.acme.internal/x',
    'http://10.0.0.4/x',
    'file:../lib',
    'not a url',
  ])
    expect([r, isPublicRepository(r)]).toEqual([r, false])
})

test('a VS Code extension: extension/package.json says', async () => {
  const vsix = (pkgJson: Record<string, unknown>) =>
    zip([
      { name: 'extension/dist/ext.js.map', content: map },
      { name: 'extension/package.json', content: JSON.stringify(pkgJson) },
    ])
  const severities = async (bytes: Buffer) =>
    (await checkBytes('ext.vsix', bytes)).findings
      .filter((f) => f.rule === 'sourcemap/sources-content')
      .map((f) => f.severity)
  expect(await severities(vsix({ name: 'ext', ...OPEN }))).toEqual(['warning'])
  expect(await severities(vsix({ name: 'ext', license: 'SEE LICENSE IN LICENSE.txt' }))).toEqual([
    'error',
  ])
})
