import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { create } from 'tar'
import { sameName } from '../src/sources/tar/pax.js'
import { checkBytes } from './helpers/check.js'
import { tempDir } from './helpers/fs.js'
import { END, file, meta, paxRecord } from './helpers/tar-blocks.js'
import { rawZip, unicodePathField } from './helpers/zip.js'

type Result = Awaited<ReturnType<typeof checkBytes>>
const found = (r: Result) => r.findings.map((f) => [f.rule, f.severity, f.file]).sort()

const LONG = `package/${'deep-folder/'.repeat(9)}module.js`

describe('tar: names that readers see differently', () => {
  test('a pax path that names another file than the header is an error', async () => {
    const r = await checkBytes(
      'pax.tar',
      Buffer.concat([
        meta('x', paxRecord('path', 'package/evil.js')),
        file('package/index.js', 'x'),
        END,
      ]),
    )
    expect(found(r)).toEqual([['archive/ambiguous-name', 'error', 'evil.js']])
    expect(r.findings[0].message).toBe(
      "evil.js: its pax path 'package/evil.js' and its header name 'package/index.js' differ: npm uses the first, tools that ignore pax records the second",
    )
  })

  test('a GNU long name that names another file is an error', async () => {
    const r = await checkBytes(
      'gnu.tar',
      Buffer.concat([meta('L', `${LONG}\0`), file('package/index.js', 'x'), END]),
    )
    expect(found(r)).toEqual([['archive/ambiguous-name', 'error', LONG.slice(8)]])
  })

  test('a NUL inside a pax path, pax linkpath or GNU long name is an error', async () => {
    const r = await checkBytes(
      'nul.tar',
      Buffer.concat([
        meta('x', paxRecord('path', 'package/a.js\0.map')),
        file('package/a.js', 'x'),
        meta('x', paxRecord('linkpath', 'b.js\0/etc/passwd')),
        file('package/l', '', { type: '2', linkname: 'b.js' }),
        meta('L', 'package/c.js\0package/d.js\0'),
        file('package/c.js', 'x'),
        END,
      ]),
    )
    expect(found(r)).toEqual([
      ['archive/ambiguous-name', 'error', 'a.js'],
      ['archive/ambiguous-name', 'error', 'c.js'],
      ['archive/ambiguous-name', 'error', 'l'],
      ['archive/link', 'warning', 'l'],
    ])
    expect(r.findings.map((f) => f.message)).toContain(
      'a.js: its pax path holds a NUL: npm cuts the name there, other tools read it whole or refuse it',
    )
  })

  test('what writers put in the header for a long or non-ASCII name is not a finding', async () => {
    const r = await checkBytes(
      'ok.tar',
      Buffer.concat([
        // Python: '?' for each non-ASCII character.
        meta('x', paxRecord('path', 'package/caf\u00e9-\u20ac.js')),
        file('package/caf?-?.js', 'x'),
        // GNU tar: the same UTF-8 bytes.
        meta('x', paxRecord('path', 'package/na\u00efve.js')),
        file('package/na\u00efve.js', 'x'),
        // GNU tar and Python: the first 100 bytes of a long name.
        meta('x', paxRecord('path', LONG)),
        file(LONG.slice(0, 100), 'x'),
        meta('L', `${LONG}.gnu\0`),
        file(`${LONG}.gnu`.slice(0, 100), 'x'),
        END,
      ]),
    )
    expect(found(r)).toEqual([])
  })

  test('sameName: shortened forms of a long name agree, other names do not', () => {
    expect(sameName(LONG.slice(0, 100), LONG)).toBe(true)
    // libarchive: the folder's start, the file name's start and end.
    const lib = `${LONG.slice(0, LONG.lastIndexOf('/') - 30)}/mod.js`
    expect(sameName(lib, LONG)).toBe(true)
    expect(sameName('package/other.js', LONG)).toBe(false)
    expect(sameName('package/', LONG)).toBe(true)
    // A short name is never shortened.
    expect(sameName('package/a', 'package/ab')).toBe(false)
    expect(sameName('', LONG)).toBe(false)
    expect(sameName('package/caf?.js', 'package/caf\u00e9.js')).toBe(true)
    expect(sameName('package/cafe.js', 'package/caf\u00e9.js')).toBe(false)
  })

  test('differential: archives written by node-tar, GNU tar and Python have no such finding', async () => {
    const dir = await tempDir()
    const src = join(dir, 'package')
    const deep = join(src, ...Array.from({ length: 9 }, () => 'deep-folder'))
    await mkdir(deep, { recursive: true })
    await mkdir(join(src, 'x'.repeat(120)), { recursive: true })
    await writeFile(join(deep, `${'long-file-name-'.repeat(8)}.js`), 'a')
    await writeFile(join(src, 'x'.repeat(120), `${'y'.repeat(110)}.js`), 'b')
    await writeFile(join(src, 'caf\u00e9-\u20ac.js'), 'c')
    await writeFile(join(src, 'na\u00efve.js'), 'd')
    const archives: Array<[string, Buffer]> = []
    await create({ cwd: dir, file: join(dir, 'node.tar'), portable: true }, ['package'])
    archives.push(['node-tar', await readFile(join(dir, 'node.tar'))])
    const has = (cmd: string) => {
      try {
        execFileSync(cmd, ['--version'], { stdio: 'ignore' })
        return true
      } catch {
        return false
      }
    }
    if (has('tar')) {
      execFileSync('tar', ['--format=pax', '-cf', 'gnu.tar', 'package'], { cwd: dir })
      archives.push(['GNU tar', await readFile(join(dir, 'gnu.tar'))])
    }
    if (has('python3')) {
      execFileSync(
        'python3',
        [
          '-c',
          "import tarfile\nwith tarfile.open('py.tar', 'w', format=tarfile.PAX_FORMAT) as t: t.add('package')",
        ],
        { cwd: dir },
      )
      archives.push(['Python', await readFile(join(dir, 'py.tar'))])
    }
    for (const [writer, bytes] of archives) {
      const r = await checkBytes('w.tar', bytes)
      expect([writer, r.artifacts[0].files, found(r)]).toEqual([writer, 4, []])
    }
  })
})

describe('zip: an Info-ZIP Unicode Path field (0x7075) naming another file', () => {
  const item = (name: string | Buffer, unicode: string, more: object = {}) => ({
    name,
    content: 'x',
    flags: 0,
    extra: unicodePathField(name, unicode),
    ...more,
  })

  test('is an error, with or without the UTF-8 flag, and when its checksum is stale', async () => {
    const r = await checkBytes(
      'u.zip',
      rawZip([
        item('a.txt', 'evil.sh'),
        item('b.txt', 'other.sh', { flags: 0x800 }),
        { ...item('c.txt', 'stale.sh'), extra: unicodePathField('c.txt', 'stale.sh', 1) },
      ]),
    )
    // yauzl reads the field's name when its checksum holds (as unzip does), else the header's.
    expect(found(r)).toEqual([
      ['archive/ambiguous-name', 'error', 'b.txt'],
      ['archive/ambiguous-name', 'error', 'c.txt'],
      ['archive/ambiguous-name', 'error', 'evil.sh'],
    ])
    expect(r.findings.map((f) => f.message)).toContain(
      "evil.sh: its Info-ZIP Unicode Path field names it 'evil.sh' and its header 'a.txt': yauzl and unzip read the first, Python and Java the second",
    )
  })

  test('the same name in UTF-8 or a legacy code page is not a finding', async () => {
    const r = await checkBytes(
      'ok.zip',
      rawZip([
        // Info-ZIP on Unix: the UTF-8 bytes without the flag.
        item(Buffer.from('caf\u00e9.txt'), 'caf\u00e9.txt'),
        // CP437 (0x82 is e-acute), and a stand-in for what the code page lacks.
        item(Buffer.from([0x63, 0x61, 0x66, 0x82, 0x2e, 0x74]), 'caf\u00e9.t'),
        item('na?ve.txt', 'na\u00efve.txt'),
        // Shift-JIS: a two-byte character whose second byte is ASCII (0x5c, a backslash).
        item(Buffer.from([0x95, 0x5c, 0x2e, 0x6a, 0x73]), '\u8868.js'),
        item('plain.txt', 'plain.txt', { flags: 0x800 }),
      ]),
    )
    expect(found(r)).toEqual([])
  })

  test('a name that only looks like a legacy spelling is a finding', async () => {
    const r = await checkBytes(
      'm.zip',
      rawZip([
        item(Buffer.from([0x65, 0x76, 0x82, 0x6c]), 'caf\u00e9'),
        item(Buffer.from(`${'\u0080_'.repeat(400)}X`, 'latin1'), `${'\u00e9_'.repeat(400)}Y`),
      ]),
    )
    expect(found(r).map(([rule]) => rule)).toEqual([
      'archive/ambiguous-name',
      'archive/ambiguous-name',
    ])
  })

  test('differential: Python and unzip read such a zip under two names', async () => {
    const has = (cmd: string, arg: string) => {
      try {
        execFileSync(cmd, [arg], { stdio: 'ignore' })
        return true
      } catch {
        return false
      }
    }
    if (!has('python3', '--version') || !has('unzip', '-v')) return
    const dir = await tempDir()
    await writeFile(join(dir, 'u.zip'), rawZip([item('a.txt', 'evil.sh')]))
    const python = execFileSync(
      'python3',
      ['-c', "import zipfile; print(zipfile.ZipFile('u.zip').namelist()[0])"],
      { cwd: dir, encoding: 'utf8' },
    ).trim()
    const unzip = execFileSync('unzip', ['-Z1', 'u.zip'], { cwd: dir, encoding: 'utf8' }).trim()
    expect([python, unzip]).toEqual(['a.txt', 'evil.sh'])
  })
})
