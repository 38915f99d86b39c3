import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { check } from '../src/check.js'
import { defaultConfig } from '../src/config/defaults.js'
import { checkBytes } from './helpers/check.js'
import { tempDir } from './helpers/fs.js'
import { rawTar } from './helpers/hostile.js'
import { tgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

type Result = Awaited<ReturnType<typeof checkBytes>>
const found = (r: Result) => r.findings.map((f) => [f.rule, f.severity, f.file]).sort()

describe('links: inside the root a warning, outside an error', () => {
  test('tar: symlinks and hardlinks that stay inside are warnings, and the run passes', async () => {
    const r = await checkBytes(
      'in.tgz',
      tgz([
        { name: 'package/dist/index.js', content: '1' },
        { name: 'package/lib/index.js', type: '2', linkname: '../dist/index.js' },
        { name: 'package/lib/self', type: '2', linkname: '.' },
        { name: 'package/bin/cli', type: '2', linkname: '../lib/../dist/index.js' },
        { name: 'package/copy.js', type: '1', linkname: 'package/dist/index.js' },
      ]),
    )
    expect(found(r)).toEqual([
      ['archive/link', 'warning', 'bin/cli'],
      ['archive/link', 'warning', 'copy.js'],
      ['archive/link', 'warning', 'lib/index.js'],
      ['archive/link', 'warning', 'lib/self'],
    ])
    expect(r.result).toBe('pass')
  })

  test('tar: absolute, `..` past the root, and hardlinks to outside are errors naming why', async () => {
    const r = await checkBytes(
      'out.tar',
      rawTar([
        { name: 'package/passwd', type: '2', linkname: '/etc/passwd' },
        { name: 'package/lib/up', type: '2', linkname: '../../.npmrc' },
        { name: 'package/win', type: '2', linkname: 'C:\\Windows' },
        { name: 'package/shadow', type: '1', linkname: '/etc/shadow' },
        { name: 'package/hard-up', type: '1', linkname: 'package/../../x' },
        { name: 'package/ok', type: '2', linkname: 'lib' },
      ]),
    )
    expect(found(r)).toEqual([
      ['archive/link', 'warning', 'ok'],
      ['archive/link-escape', 'error', 'hard-up'],
      ['archive/link-escape', 'error', 'lib/up'],
      ['archive/link-escape', 'error', 'passwd'],
      ['archive/link-escape', 'error', 'shadow'],
      ['archive/link-escape', 'error', 'win'],
    ])
    const messages = r.findings.map((f) => f.message)
    expect(messages).toContain(
      "passwd is a symlink to '/etc/passwd', outside the package (an absolute path); extracting it reaches files outside the package",
    )
    expect(messages).toContain(
      "lib/up is a symlink to '../../.npmrc', outside the package ('..' past the package root); extracting it reaches files outside the package",
    )
    expect(r.result).toBe('fail')
  })

  test('a target that leaves by way of another link is an error, whatever the order', async () => {
    // a/b leads to the root (inside); x goes to a/b/.., the root's parent.
    const chain = [
      { name: 'package/x', type: '2', linkname: 'a/b/..' },
      { name: 'package/a/b', type: '2', linkname: '..' },
    ]
    for (const items of [chain, [...chain].reverse()]) {
      const r = await checkBytes('chain.tar', rawTar(items))
      expect(found(r)).toEqual([
        ['archive/link', 'warning', 'a/b'],
        ['archive/link-escape', 'error', 'x'],
      ])
      expect(r.findings.find((f) => f.file === 'x')?.message).toContain(
        "(by way of a/b: '..' past the package root)",
      )
    }
  })

  test('a link loop leads nowhere: a warning, and reading ends', async () => {
    const r = await checkBytes(
      'loop.tar',
      rawTar([
        { name: 'package/a', type: '2', linkname: 'b/x' },
        { name: 'package/b', type: '2', linkname: 'a/y' },
      ]),
    )
    expect(found(r)).toEqual([
      ['archive/link', 'warning', 'a'],
      ['archive/link', 'warning', 'b'],
    ])
  })

  test('an entry written through a symlink is an error, wherever the link points', async () => {
    const r = await checkBytes(
      'through.tgz',
      tgz([
        { name: 'package/dist/', type: '5' },
        { name: 'package/lib', type: '2', linkname: 'dist' },
        { name: 'package/lib/x.js', content: 'x' },
        { name: 'package/etc', type: '2', linkname: '/etc' },
        { name: 'package/etc/cron.d/job', content: 'x' },
        { name: 'package/etc/cron.d/', type: '5' },
      ]),
    )
    expect(found(r)).toEqual([
      ['archive/link', 'warning', 'lib'],
      ['archive/link-escape', 'error', 'etc'],
      ['archive/link-escape', 'error', 'etc/cron.d'],
      ['archive/link-escape', 'error', 'etc/cron.d/job'],
      ['archive/link-escape', 'error', 'lib/x.js'],
    ])
    expect(r.findings.find((f) => f.file === 'lib/x.js')?.message).toBe(
      "lib/x.js is written through the symlink lib (to 'dist'): an extractor that follows it writes where the link points, not where the entry says",
    )
  })

  test('a file before a link of the same folder is not written through it', async () => {
    const r = await checkBytes(
      'before.tgz',
      tgz([
        { name: 'package/lib/x.js', content: 'x' },
        { name: 'package/lib2', type: '2', linkname: 'lib' },
        { name: 'package/lib22/y.js', content: 'y' },
      ]),
    )
    expect(found(r)).toEqual([['archive/link', 'warning', 'lib2']])
  })

  test('zip: a symlink entry is judged the same way', async () => {
    const r = await checkBytes(
      'links.zip',
      zip([
        { name: 'npmrc', content: '../../.npmrc', mode: 0o120777 },
        { name: 'lib/a.py', content: '../b.py', mode: 0o120777 },
        { name: 'b.py', content: '1' },
      ]),
    )
    // A link named like a credentials file: what it points to was not read, so it is one too.
    expect(found(r)).toEqual([
      ['archive/link', 'warning', 'lib/a.py'],
      ['archive/link-escape', 'error', 'npmrc'],
      ['file/sensitive-registry-credentials', 'error', 'npmrc'],
    ])
  })

  test('nested: a link is judged against the root of its own archive', async () => {
    const inner = zip([
      { name: 'up', content: '..', mode: 0o120777 },
      { name: 'sub/in', content: '..', mode: 0o120777 },
    ])
    const r = await checkBytes('outer.zip', zip([{ name: 'lib/x.jar', content: inner }]))
    expect(found(r)).toEqual([
      ['archive/link', 'warning', 'lib/x.jar!/sub/in'],
      ['archive/link-escape', 'error', 'lib/x.jar!/up'],
    ])
  })

  test('a folder: a link that leaves is an error, one that stays a warning', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'lib'))
    await writeFile(join(dir, 'lib', 'a.js'), '1')
    await symlink('/etc/passwd', join(dir, 'passwd'))
    await symlink('lib/a.js', join(dir, 'main.js'))
    const r = await check({
      cwd: dir,
      artifacts: ['.'],
      config: defaultConfig(),
      failOn: 'error',
      pack: false,
    })
    expect(found(r)).toEqual([
      ['archive/link', 'warning', 'main.js'],
      ['archive/link-escape', 'error', 'passwd'],
    ])
  })

  test('config: turning archive/link off keeps the errors; strict makes every link an error', async () => {
    const bytes = rawTar([
      { name: 'package/in', type: '2', linkname: 'a' },
      { name: 'package/out', type: '2', linkname: '/etc' },
    ])
    const off = await checkBytes('l.tar', bytes, 'rules:\n  archive/link: off\n')
    expect(found(off)).toEqual([['archive/link-escape', 'error', 'out']])
    const none = await checkBytes('l.tar', bytes, 'extends: none\n')
    expect(found(none)).toEqual([['archive/link-escape', 'error', 'out']])
    const strict = await checkBytes('l.tar', bytes, 'extends: strict\n')
    expect(found(strict)).toEqual([
      ['archive/link', 'error', 'in'],
      ['archive/link-escape', 'error', 'out'],
    ])
  })
})
