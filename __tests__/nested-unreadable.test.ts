import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { STREAM_ABOVE } from '../src/sources/body.js'
import { ar } from './helpers/ar.js'
import { checkBytes, rulesOf } from './helpers/check.js'
import { tempDir } from './helpers/fs.js'
import { npmTgz, tgz } from './helpers/tar.js'
import { zstdRaw } from './helpers/zstd.js'
import { zip } from './helpers/zip.js'

type Result = Awaited<ReturnType<typeof checkBytes>>
const found = (r: Result) => r.findings.map((f) => [f.rule, f.severity, f.file]).sort()

const marker = 'HOSTILE_MARKER'
const yaml = `content:\n  - name: marker\n    strings: [${marker}]\n`

/** The tool's output for `input` when this machine has it; else undefined. */
function tool(cmd: string, args: string[], input: Buffer): Buffer | undefined {
  try {
    return execFileSync(cmd, args, { input, stdio: ['pipe', 'pipe', 'ignore'] })
  } catch {
    return undefined
  }
}

const tarOf = (name: string) => tgz([{ name: `package/${name}`, content: marker }])
/** Each format packguard does not read, made by its tool where there is one, else by its magic bytes. */
const compressed: Array<[string, string, () => Buffer]> = [
  [
    'xz',
    'data.tar.xz',
    () => tool('xz', ['-c'], tarOf('x')) ?? Buffer.from('fd377a585a0000', 'hex'),
  ],
  [
    'bzip2',
    'data.tar.bz2',
    () => tool('bzip2', ['-c'], tarOf('x')) ?? Buffer.from('425a683931415926535900', 'hex'),
  ],
  [
    '7z',
    'vendor.7z',
    () => Buffer.concat([Buffer.from('377abcaf271c0004', 'hex'), Buffer.alloc(40, 1)]),
  ],
  [
    'rar',
    'vendor.rar',
    () => Buffer.concat([Buffer.from('526172211a0701', 'hex'), Buffer.alloc(40, 1)]),
  ],
]

describe('archives inside the package that packguard cannot read are errors', () => {
  test.each(compressed)(
    '%s: an unreadable-entry error naming the format',
    async (format, name, make) => {
      const r = await checkBytes('p.tgz', npmTgz({ [`vendor/${name}`]: make(), 'index.js': '1' }))
      expect(found(r)).toEqual([['archive/unreadable-entry', 'error', `vendor/${name}`]])
      expect(r.findings[0].message).toBe(
        `vendor/${name} is a ${format} archive, a format packguard does not read; its content was not checked`,
      )
      expect(r.result).toBe('fail')
    },
  )

  test('a nested .tar.zst is read through on every Node, its content checked', async () => {
    const zst = tool('zstd', ['-c', '-q'], tarOf('x')) ?? zstdRaw(tarOf('x'))
    const r = await checkBytes(
      'p.tgz',
      npmTgz({ 'vendor/data.tar.zst': zst, 'index.js': '1' }),
      yaml,
    )
    expect(found(r)).toContainEqual(['content/marker', 'error', 'vendor/data.tar.zst!/data.tar!/x'])
    expect(rulesOf(r)).not.toContain('archive/unreadable-entry')
  })

  test('one streamed through the rules (over 2 MiB) is found by its first bytes', async () => {
    const big = Buffer.concat([
      Buffer.from('fd377a585a0000', 'hex'),
      Buffer.alloc(STREAM_ABOVE + 10),
    ])
    const r = await checkBytes('p.tgz', npmTgz({ 'big.tar.xz': big }))
    expect(found(r)).toEqual([['archive/unreadable-entry', 'error', 'big.tar.xz']])
  })

  test('ordinary binary files and text are not archives', async () => {
    const r = await checkBytes(
      'p.tgz',
      npmTgz({
        'a.png': Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(100, 7)]),
        'a.woff2': Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(100, 7)]),
        'a.wasm': Buffer.concat([Buffer.from('0061736d01000000', 'hex'), Buffer.alloc(100, 7)]),
        // `BZh` alone starts many words; bzip2 needs its block magic after it.
        'notes.txt': 'BZh9 is how bzip2 data starts',
        // A script that mentions the zip end signature is not a zip.
        'cli.js': `#!/usr/bin/env node\nconst sig = 'PK\u0005\u0006'\n${'x'.repeat(30)}\n`,
      }),
    )
    expect(found(r)).toEqual([])
  })

  test('a .conda (a zip of zstd tars): the zip and its tars are read', async () => {
    const zst = tool('zstd', ['-c', '-q'], tarOf('x')) ?? zstdRaw(tarOf('x'))
    const conda = zip([
      { name: 'metadata.json', content: '{"conda_pkg_format_version": 2}' },
      { name: 'info-x-1.0-0.tar.zst', content: zst, method: 0 },
      { name: 'pkg-x-1.0-0.tar.zst', content: zst, method: 0 },
    ])
    const r = await checkBytes('p.tgz', npmTgz({ 'x-1.0-0.conda': conda }), yaml)
    expect(found(r)).toEqual([
      ['content/marker', 'error', 'x-1.0-0.conda!/info-x-1.0-0.tar.zst!/info-x-1.0-0.tar!/x'],
      ['content/marker', 'error', 'x-1.0-0.conda!/pkg-x-1.0-0.tar.zst!/pkg-x-1.0-0.tar!/x'],
    ])
  })
})

describe('.deb and other ar archives are read', () => {
  const deb = (data: [string, Buffer]) =>
    ar([
      { name: 'debian-binary', content: '2.0\n' },
      { name: 'control.tar.gz', content: tgz([{ name: './control', content: 'Package: x\n' }]) },
      { name: data[0], content: data[1] },
    ])

  test('a .deb with a gzipped data tar: every file is checked', async () => {
    const data = tgz([
      { name: './usr/share/x/.env', content: 'A=1' },
      { name: './usr/bin/x', content: marker },
    ])
    const r = await checkBytes('p.tgz', npmTgz({ 'dist/x.deb': deb(['data.tar.gz', data]) }), yaml)
    expect(found(r)).toEqual([
      ['content/marker', 'error', 'dist/x.deb!/data.tar.gz!/usr/bin/x'],
      ['file/sensitive-env', 'error', 'dist/x.deb!/data.tar.gz!/usr/share/x/.env'],
    ])
  })

  test('a .deb with an xz data tar: the data is an error, the rest is read', async () => {
    const r = await checkBytes(
      'p.tgz',
      npmTgz({ 'x.deb': deb(['data.tar.xz', compressed[0][2]()]) }),
    )
    expect(found(r)).toEqual([['archive/unreadable-entry', 'error', 'x.deb!/data.tar.xz']])
  })

  test('a damaged ar archive is an error; as the artifact itself, exit 3', async () => {
    const cut = deb(['data.tar.gz', tgz([{ name: './a', content: 'a' }])])
    const r = await checkBytes('p.tgz', npmTgz({ 'x.deb': cut.subarray(0, cut.length - 20) }))
    expect(found(r)).toEqual([['archive/unreadable-entry', 'error', 'x.deb']])
    const top = await checkBytes('x.deb', cut)
    expect(top.artifacts[0].error).toBe('unsupported archive format: ar (a .deb or static library)')
  })

  test('BSD long names (`#1/<length>`, the name first in the data) are read', async () => {
    const name = 'a-long-bsd-member-name.o'
    const data = Buffer.from(`${marker} x`)
    const h = Buffer.alloc(60, 0x20)
    h.write(`#1/${name.length}`, 0, 'latin1')
    h.write('100644', 40, 'latin1')
    h.write(String(name.length + data.length), 48, 'latin1')
    h.write('`\n', 58, 'latin1')
    const bsd = Buffer.concat([Buffer.from('!<arch>\n'), h, Buffer.from(name), data])
    const r = await checkBytes('p.tgz', npmTgz({ 'lib.a': bsd }), yaml)
    expect(r.findings.map((f) => f.file)).toEqual([`lib.a!/${name}`])
  })

  test('differential: members named as `ar t` names them, GNU long names included', async () => {
    const dir = await tempDir()
    const names = ['short.o', 'a-very-long-object-file-name.o', 'odd.o']
    for (const [i, n] of names.entries())
      await writeFile(join(dir, n), `${marker} ${'x'.repeat(i)}`)
    try {
      execFileSync('ar', ['rc', 'lib.a', ...names], { cwd: dir, stdio: 'ignore' })
    } catch {
      return // no ar here
    }
    const listed = execFileSync('ar', ['t', 'lib.a'], { cwd: dir, encoding: 'utf8' })
      .trim()
      .split('\n')
    const lib = await readFile(join(dir, 'lib.a'))
    const r = await checkBytes('p.tgz', npmTgz({ 'lib.a': lib }), yaml)
    // The library's own bytes hold the marker too.
    expect(r.findings.map((f) => f.file).sort()).toEqual(
      ['lib.a', ...listed.map((n) => `lib.a!/${n}`)].sort(),
    )
  })
})

describe('a script with a zip after it (executable jar, Python zipapp)', () => {
  const app = zip([{ name: '__main__.py', content: `print("${marker}")` }])

  test('is read as its zip; the script in front is no finding', async () => {
    const items: Record<string, Buffer> = {
      'bin/app.pyz': Buffer.concat([Buffer.from('#!/usr/bin/env python3\n'), app]),
      'bin/tool.jar': Buffer.concat([Buffer.from('#!/bin/sh\nexec java -jar "$0" "$@"\n'), app]),
    }
    const dir = await tempDir()
    try {
      await writeFile(join(dir, '__main__.py'), `print("${marker}")`)
      execFileSync('python3', [
        '-m',
        'zipapp',
        dir,
        '-o',
        join(dir, 'z.pyz'),
        '-p',
        '/usr/bin/env python3',
      ])
      items['bin/real.pyz'] = await readFile(join(dir, 'z.pyz'))
    } catch {
      // no python3 here: the hand-built ones stand
    }
    const r = await checkBytes('p.tgz', npmTgz(items), yaml)
    expect(found(r)).toEqual(
      Object.keys(items)
        .map((k) => ['content/marker', 'error', `${k}!/__main__.py`])
        .sort(),
    )
  })

  test('a zip entry hidden in the script, or a zip that does not read, is an error', async () => {
    const hidden = Buffer.concat([
      Buffer.from('#!/bin/sh\n'),
      zip([{ name: 'evil.sh', content: 'x' }]),
      app,
    ])
    const broken = Buffer.concat([Buffer.from('#!/bin/sh\n'), app])
    // Its central directory stands, its local header does not.
    broken.write('XXXX', broken.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])), 'latin1')
    const r = await checkBytes('p.tgz', npmTgz({ 'hidden.pyz': hidden }))
    expect(found(r)).toEqual([['archive/trailing-data', 'error', 'hidden.pyz']])
    const b = await checkBytes('p.tgz', npmTgz({ 'broken.pyz': broken }))
    expect(found(b)).toEqual([
      ['archive/trailing-data', 'error', 'broken.pyz'],
      ['archive/unreadable-entry', 'error', 'broken.pyz!/__main__.py'],
      ['archive/zip-mismatch', 'error', 'broken.pyz!/__main__.py'],
    ])
  })

  test('one over 2 MiB is not opened, and says so', async () => {
    const big = zip([
      { name: 'blob.bin', content: Buffer.alloc(STREAM_ABOVE + 1000, 1), method: 0 },
    ])
    const r = await checkBytes(
      'p.tgz',
      npmTgz({ 'big.pyz': Buffer.concat([Buffer.from('#!/bin/sh\n'), big]) }),
    )
    expect(found(r)).toEqual([['archive/unreadable-entry', 'error', 'big.pyz']])
    expect(r.findings[0].message).toMatch(/^big\.pyz is a script with a zip after it/)
  })
})
