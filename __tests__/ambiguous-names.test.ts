import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { create } from 'tar'
import { sameName } from '../src/sources/tar/pax.js'
import { checkBytes } from './helpers/check.js'
import { tempDir } from './helpers/fs.js'
import { END, file, meta, paxRecord } from './helpers/tar-blocks.js'

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
