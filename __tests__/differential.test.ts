import { execFileSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { DEFAULT_LIMITS } from '../src/config/defaults.js'
import { openArtifact } from '../src/sources/open.js'
import { pathIssues } from '../src/sources/paths.js'
import type { Entry } from '../src/sources/types.js'
import { tempDir } from './helpers/fs.js'
import { rawZip } from './helpers/hostile.js'
import { tgz, type TarItem } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

async function entries(path: string): Promise<Entry[]> {
  const opened = await openArtifact(path, { limits: DEFAULT_LIMITS, pack: false })
  const out: Entry[] = []
  for await (const e of opened.entries) out.push(e)
  return out
}

/** Every regular file under `dir`, by relative path, with its content. */
async function tree(dir: string, rel = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const d of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${d.name}` : d.name
    if (d.isDirectory()) for (const [k, v] of await tree(dir, path)) out.set(k, v)
    else if (d.isFile()) out.set(path, await readFile(join(dir, path), 'utf8'))
  }
  return out
}

/** What npm itself writes when it installs the tarball: the real CLI, offline, no scripts. */
async function npmInstall(tarball: string, name: string): Promise<Map<string, string>> {
  const prefix = await tempDir()
  execFileSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    [
      'install',
      tarball,
      '--prefix',
      prefix,
      '--cache',
      join(prefix, '.cache'),
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--no-save',
      '--no-package-lock',
      '--offline',
      '--loglevel=error',
    ],
    { stdio: 'pipe', env: { ...process.env, npm_config_update_notifier: 'false' } },
  )
  return tree(join(prefix, 'node_modules', name))
}

/**
 * What packguard says npm installs: the regular files, the last copy of a duplicated path winning.
 * Intended differences, left out on purpose:
 * - links and directories are entries for packguard (reported, never followed); npm writes no
 *   symlink or hardlink from a tarball, and creates folders only as files need them;
 * - a name with `..` is read by packguard at the path it would reach inside the package root and
 *   reported (`archive/path-traversal`); npm refuses to write it.
 */
function asInstalled(list: Entry[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of list) {
    if (e.type !== 'file' || pathIssues(e.rawPath).length > 0) continue
    out.set(e.path, e.content?.toString('utf8') ?? '')
  }
  return out
}

const sorted = (m: Map<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

describe('tarballs: what packguard reads is what npm installs', () => {
  const pkg = (name: string): TarItem => ({
    name: 'package/package.json',
    content: JSON.stringify({ name, version: '1.0.0' }),
  })
  const cases: Array<[string, TarItem[]]> = [
    [
      'plain',
      [
        pkg('pg-diff-plain'),
        { name: 'package/index.js', content: 'module.exports = 1' },
        { name: 'package/lib/', type: '5' },
        { name: 'package/lib/a.js', content: 'a' },
        { name: 'package/bin/cli.js', content: '#!/usr/bin/env node', mode: 0o755 },
      ],
    ],
    [
      'hostile',
      [
        pkg('pg-diff-hostile'),
        { name: 'package/dup.js', content: 'first' },
        { name: 'package/dup.js', content: 'second' },
        { name: `package/${'long-folder-name/'.repeat(12)}deep.js`, content: 'pax' },
        { name: `package/${'x'.repeat(150)}.js`, content: 'long' },
        { name: 'package/empty/', type: '5' },
        { name: 'package/link', type: '2', linkname: '../../../../etc/passwd' },
        { name: 'package/hard', type: '1', linkname: 'package/dup.js' },
        { name: 'package/README.md', content: 'upper' },
        { name: 'package/readme.md', content: 'lower' },
        { name: 'package/caf\u00e9.js', content: 'nfc' },
        { name: 'package/cafe\u0301.js', content: 'nfd' },
        { name: 'package/bidi\u202etxt.js', content: 'bidi' },
        { name: 'package/../escape.js', content: 'escape' },
        { name: 'package/a/../b.js', content: 'dotdot' },
      ],
    ],
  ]

  test.each(cases)('%s', async (label, items) => {
    const dir = await tempDir()
    const tarball = join(dir, `pg-diff-${label}-1.0.0.tgz`)
    await writeFile(tarball, tgz(items))
    const ours = asInstalled(await entries(tarball))
    const npm = await npmInstall(tarball, `pg-diff-${label}`)
    expect(sorted(ours)).toEqual(sorted(npm))
    // The comparison has teeth: npm kept the last copy, and both twins of each pair.
    expect(npm.size).toBe(label === 'plain' ? 4 : 9)
    if (label === 'hostile') expect(npm.get('dup.js')).toBe('second')
  })
})

describe("zips: what packguard reads is what Python's zipfile lists", () => {
  const python = (path: string): string[] =>
    JSON.parse(
      execFileSync(
        'python3',
        [
          '-c',
          'import zipfile,sys,json; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))',
          path,
        ],
        { encoding: 'utf8' },
      ),
    )

  const cases: Array<[string, Buffer]> = [
    [
      'wheel',
      zip([
        { name: 'demo/', mode: 0o040755 },
        { name: 'demo/__init__.py', content: 'x' },
        { name: 'demo-1.0.dist-info/RECORD', content: 'r', method: 0 },
        { name: 'demo/link', content: '../x', mode: 0o120777 },
      ]),
    ],
    [
      'hostile',
      rawZip([
        { name: 'dup.txt', content: '1' },
        { name: 'dup.txt', content: '2' },
        { name: '../up.txt', content: 'u' },
        { name: 'C:\\win\\x.ini', content: 'w' },
        { name: 'caf\u00e9-\u202e.txt', content: 'utf8' },
        { name: Buffer.from([0x63, 0x70, 0x82, 0x2e, 0x74]), content: 'cp437', flags: 0 },
      ]),
    ],
    [
      'glued',
      Buffer.concat([
        zip([{ name: 'first.txt', content: '1' }]),
        zip([{ name: 'second.txt', content: '2' }]),
      ]),
    ],
  ]

  // Python lists raw names, as packguard's rawPath keeps them (for valid UTF-8 or cp437 names;
  // Python refuses a name flagged UTF-8 that is not, so those are not compared here).
  test.each(cases)('%s', async (label, bytes) => {
    const path = join(await tempDir(), `${label}.zip`)
    await writeFile(path, bytes)
    expect((await entries(path)).map((e) => e.rawPath)).toEqual(python(path))
  })
})
