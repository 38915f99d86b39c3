import { describe, expect, test } from '@jest/globals'
import { checkBytes } from './helpers/check.js'
import { npmTgz, tar } from './helpers/tar.js'

type Pkg = Record<string, unknown>

/** Checks a package and lists its metadata findings as `rule severity: message`. */
async function metadata(
  pkg: Pkg,
  files: Record<string, string>,
  mode: Record<string, number> = {},
) {
  const r = await checkBytes(
    'p.tgz',
    npmTgz(
      {
        'package.json': JSON.stringify({ name: 'p', version: '1.0.0', files: ['*'], ...pkg }),
        ...files,
      },
      mode,
    ),
  )
  return r.findings
    .filter((f) => f.rule.startsWith('metadata/'))
    .map((f) => `${f.rule} ${f.severity}: ${f.message}`)
}

describe('exports resolve as Node resolves them', () => {
  test('folder mappings and * patterns are looked up in the file list', async () => {
    const files = { 'index.js': '', 'lib/a.js': '', 'lib/deep/b.js': '' }
    const exportsOk = { '.': './index.js', './': './', './lib/': './lib/', './x/*': './lib/*.js' }
    expect(await metadata({ exports: exportsOk }, files)).toEqual([])
    const missing = { './gone/': './gone/', './y/*': './dist/*.cjs' }
    expect(await metadata({ exports: missing }, files)).toEqual([
      'metadata/missing-entry-point error: package.json exports["./gone/"] points to ./gone/, which is not in the artifact',
      'metadata/missing-entry-point warning: package.json exports["./y/*"] points to ./dist/*.cjs, which matches no file in the artifact',
    ])
  })

  test('a target behind a condition no resolver uses is at most a notice', async () => {
    const exports = {
      '.': {
        svelte: './src/index.svelte',
        '@acme/source': { import: './src/index.ts' },
        import: './dist/index.mjs',
        default: './dist/index.js',
      },
    }
    expect(await metadata({ exports }, { 'dist/index.mjs': '', 'dist/index.js': '' })).toEqual([
      `metadata/missing-entry-point notice: package.json exports["."]["@acme/source"]["import"] points to ./src/index.ts, which is not in the artifact (only through the condition '@acme/source', which no resolver uses by default)`,
      `metadata/missing-entry-point notice: package.json exports["."]["svelte"] points to ./src/index.svelte, which is not in the artifact (only through the condition 'svelte', which no resolver uses by default)`,
    ])
  })

  test('known conditions stay errors, null targets exclude a subpath', async () => {
    const exports = {
      '.': { 'react-native': './rn.js', deno: './deno.js', worker: './w.js', default: './i.js' },
      './internal/*': null,
    }
    const found = await metadata({ exports }, { 'i.js': '', 'w.js': '' })
    expect(found.map((f) => f.split(':')[0])).toEqual([
      'metadata/missing-entry-point error',
      'metadata/missing-entry-point error',
    ])
  })
})

describe('types complete as TypeScript completes them', () => {
  test('.d.ts, /index.d.ts and .js -> .d.ts', async () => {
    const files = { 'dist/index.d.ts': '', 'lib/index.d.ts': '', 'esm/x.d.mts': '' }
    expect(await metadata({ types: './dist/index' }, files)).toEqual([])
    expect(await metadata({ types: 'dist/index.js' }, files)).toEqual([])
    expect(await metadata({ typings: './lib' }, files)).toEqual([])
    expect(await metadata({ exports: { types: './esm/x.mjs' } }, files)).toEqual([])
    expect(await metadata({ types: './types/index.d.ts' }, files)).toEqual([
      'metadata/missing-entry-point error: package.json types points to ./types/index.d.ts, which is not in the artifact',
    ])
  })

  test('typesVersions redirects declarations', async () => {
    const pkg = { types: 'index.d.ts', typesVersions: { '>=4.2': { '*': ['ts4.2/*'] } } }
    expect(await metadata(pkg, { 'ts4.2/index.d.ts': '' })).toEqual([])
    expect((await metadata(pkg, { 'ts3/index.d.ts': '' })).length).toBe(1)
  })
})

describe('bins: what installs them decides', () => {
  const bin = { bin: { tool: 'bin/tool' } }

  test('a bin without #! is an error, a warning when an install script may write it', async () => {
    expect(await metadata(bin, { 'bin/tool': 'placeholder' }, { 'bin/tool': 0o755 })).toEqual([
      "metadata/bin-shebang error: bin 'tool' (bin/tool) does not start with a #! line",
    ])
    const scripted = { ...bin, scripts: { postinstall: 'node install.js' } }
    expect(await metadata(scripted, { 'bin/tool': 'x' }, { 'bin/tool': 0o755 })).toEqual([
      "metadata/bin-shebang warning: bin 'tool' (bin/tool) does not start with a #! line (the postinstall script may write it at install)",
    ])
  })

  test('a bin without x bit: a notice in an npm tarball, a warning in a plain tar', async () => {
    const files = { 'bin/tool': '#!/bin/sh\n' }
    expect(await metadata(bin, files, { 'bin/tool': 0o644 })).toEqual([
      "metadata/bin-not-executable notice: bin 'tool' (bin/tool) is not executable (mode 0644); npm, pnpm and yarn set the mode when they link it",
    ])
    const plain = tar([
      {
        name: 'package.json',
        content: JSON.stringify({ name: 'p', version: '1.0.0', files: ['*'], ...bin }),
      },
      { name: 'bin/tool', content: '#!/bin/sh\n', mode: 0o644 },
    ])
    const r = await checkBytes('p.tar', plain)
    expect(r.findings.map((f) => `${f.rule} ${f.severity}`)).toEqual([
      'metadata/bin-not-executable warning',
    ])
  })
})

/** A package whose bin lacks its x bit, checked with this config: its findings and severities. */
async function binModes(yaml: string) {
  const pkgJson = JSON.stringify({ name: 'p', version: '1.0.0', files: ['*'], bin: 'cli' })
  const r = await checkBytes(
    'p.tgz',
    npmTgz({ 'package.json': pkgJson, cli: '#!/bin/sh\n' }, { cli: 0o644 }),
    yaml,
  )
  return r.findings.map((f) => `${f.rule} ${f.severity}`)
}

test('strict still makes every judged finding an error', async () => {
  expect(await binModes('extends: strict\n')).toEqual(['metadata/bin-not-executable error'])
})

test('an explicit rules: entry wins over the judgement of the rule', async () => {
  expect(await binModes('rules:\n  metadata/bin-not-executable: error\n')).toEqual([
    'metadata/bin-not-executable error',
  ])
})

test('a gzipped tarball loses its one top folder whatever its name, as npm installs it', async () => {
  const { tgz } = await import('./helpers/tar.js')
  const pkgJson = JSON.stringify({ name: 'p', version: '1.0.0', main: 'index.js', files: ['*'] })
  const github = tgz([
    { name: 'owner-repo-5c506eb/', type: '5' },
    { name: 'owner-repo-5c506eb/package.json', content: pkgJson },
    { name: 'owner-repo-5c506eb/index.js', content: '1' },
  ])
  const r = await checkBytes('p-1.0.0.tgz', github)
  expect(r.findings).toEqual([])
  const packed = tgz([
    { name: 'owner-repo-5c506eb/package.json', content: pkgJson },
    { name: 'owner-repo-5c506eb/index.js', content: '1' },
  ])
  expect((await checkBytes('p-1.0.0.tgz', packed)).findings).toEqual([])
  // A plain tar keeps a folder that is neither package/ nor named like the file.
  const plain = tar([{ name: 'owner-repo-5c506eb/package.json', content: pkgJson }])
  const files = await checkBytes(
    'p-1.0.0.tar',
    plain,
    'files:\n  forbid: ["owner-repo-5c506eb/**"]\n',
  )
  expect(files.findings.map((f) => f.rule)).toEqual(['file/forbidden'])
})
