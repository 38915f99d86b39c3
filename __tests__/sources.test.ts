import { execFileSync } from 'node:child_process'
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, test } from '@jest/globals'
import { DEFAULT_LIMITS } from '../src/config/defaults.js'
import { LimitExceeded, type SafetyLimits } from '../src/sources/limits.js'
import { openArtifact } from '../src/sources/open.js'
import { ArtifactError, type Entry } from '../src/sources/types.js'
import { tempDir, writeTree } from './helpers/fs.js'
import { npmTgz, tar, tgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

async function readAll(
  path: string,
  opts: { pack?: boolean; limits?: Partial<SafetyLimits> } = {},
) {
  const opened = await openArtifact(path, {
    pack: opts.pack ?? true,
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
  })
  const entries: Entry[] = []
  for await (const e of opened.entries) entries.push(e)
  return { format: opened.format, entries }
}

async function file(name: string, content: Buffer | string): Promise<string> {
  const path = join(await tempDir(), name)
  await writeFile(path, content)
  return path
}

const paths = (entries: Entry[]) => entries.map((e) => e.path)

describe('tar sources', () => {
  test('an npm tarball is read with package/ stripped, modes and content kept', async () => {
    const path = await file(
      'demo-1.0.0.tgz',
      npmTgz(
        { 'package.json': '{}', 'bin/cli.js': '#!/usr/bin/env node\n' },
        { 'bin/cli.js': 0o755 },
      ),
    )
    const { format, entries } = await readAll(path)
    expect(format).toBe('tar+gzip')
    expect(paths(entries)).toEqual(['package.json', 'bin/cli.js'])
    expect(entries[1].mode).toBe(0o755)
    expect(entries[1].content?.toString()).toBe('#!/usr/bin/env node\n')
    expect(entries[0].rawPath).toBe('package/package.json')
  })

  test('a plain tar is sniffed by magic bytes whatever its extension', async () => {
    const path = await file(
      'release.zip',
      tar([
        { name: 'a.txt', content: 'A' },
        { name: 'lib/', type: '5' },
      ]),
    )
    const { format, entries } = await readAll(path)
    expect(format).toBe('tar')
    expect(entries.map((e) => [e.path, e.type])).toEqual([
      ['a.txt', 'file'],
      ['lib', 'directory'],
    ])
  })

  test('a source release strips its top folder when it is named like the archive', async () => {
    const path = await file(
      'mylib-2.0.tar.gz',
      tgz([
        { name: 'mylib-2.0/', type: '5' },
        { name: 'mylib-2.0/setup.py', content: 'x' },
      ]),
    )
    expect(paths((await readAll(path)).entries)).toEqual(['setup.py'])
  })

  test('a tar whose first folder is not the package root keeps full paths', async () => {
    const path = await file(
      'bundle.tar',
      tar([
        { name: 'lib/a.js', content: '1' },
        { name: 'README.md', content: '2' },
      ]),
    )
    expect(paths((await readAll(path)).entries)).toEqual(['lib/a.js', 'README.md'])
  })

  test('every copy of a duplicated path is kept', async () => {
    const path = await file(
      'dup.tgz',
      tgz([
        { name: 'package/index.js', content: 'one' },
        { name: 'package/index.js', content: 'two' },
      ]),
    )
    const { entries } = await readAll(path)
    expect(entries.map((e) => e.content?.toString())).toEqual(['one', 'two'])
  })

  test('links and devices are entries, not followed', async () => {
    const path = await file(
      'links.tar',
      tar([
        { name: 'package/link', type: '2', linkname: '/etc/passwd' },
        { name: 'package/hard', type: '1', linkname: 'package/link' },
        { name: 'package/dev', type: '3' },
        { name: 'package/fifo', type: '6' },
      ]),
    )
    const { entries } = await readAll(path)
    expect(entries.map((e) => [e.path, e.type, e.linkTarget])).toEqual([
      ['link', 'symlink', '/etc/passwd'],
      ['hard', 'hardlink', 'package/link'],
      ['dev', 'char-device', undefined],
      ['fifo', 'fifo', undefined],
    ])
  })

  test('long names (pax headers) and traversal names come through raw', async () => {
    const long = `package/${'d/'.repeat(70)}file.js`
    const path = await file(
      'names.tgz',
      tgz([
        { name: long, content: 'x' },
        { name: '../../escape.js', content: 'y' },
      ]),
    )
    const { entries } = await readAll(path)
    expect(entries[0].path).toBe(long.slice('package/'.length))
    expect(entries[1].rawPath).toBe('../../escape.js')
    expect(entries[1].path).toBe('escape.js')
  })
})

describe('zip sources', () => {
  test('a wheel is read through its central directory with unix modes', async () => {
    const path = await file(
      'demo-1.0-py3-none-any.whl',
      zip([
        { name: 'demo/__init__.py', content: 'print(1)' },
        { name: 'demo/tool', content: '#!/bin/sh', mode: 0o100755, method: 0 },
        { name: 'demo-1.0.dist-info/', mode: 0o040755 },
        { name: 'demo/link', content: '../../etc/passwd', mode: 0o120777 },
      ]),
    )
    const { format, entries } = await readAll(path)
    expect(format).toBe('zip')
    expect(entries.map((e) => [e.path, e.type, e.mode])).toEqual([
      ['demo/__init__.py', 'file', 0o644],
      ['demo/tool', 'file', 0o755],
      ['demo-1.0.dist-info', 'directory', 0o755],
      ['demo/link', 'symlink', 0o777],
    ])
    expect(entries[0].content?.toString()).toBe('print(1)')
    expect(entries[3].linkTarget).toBe('../../etc/passwd')
  })

  test('unsafe zip names are read as entries instead of refusing the archive', async () => {
    const path = await file(
      'evil.jar',
      zip([
        { name: '../evil.class', content: 'x' },
        { name: 'C:\\win.ini', content: 'y' },
      ]),
    )
    const { entries } = await readAll(path)
    expect(entries.map((e) => [e.rawPath, e.path])).toEqual([
      ['../evil.class', 'evil.class'],
      ['C:\\win.ini', 'win.ini'],
    ])
  })

  test('an encrypted entry is marked unreadable, never treated as read', async () => {
    const path = await file(
      'secret.zip',
      zip([{ name: 'a.txt', content: 'hello', encrypted: true, method: 0 }]),
    )
    const { entries } = await readAll(path)
    expect(entries[0].content).toBeUndefined()
    expect(entries[0].unreadable).toEqual({ kind: 'unsupported', detail: 'encrypted entry' })
  })
})

describe('folder sources', () => {
  test('a folder is walked in order; symlinks and FIFOs are entries, never opened', async () => {
    const dir = await tempDir()
    await writeTree(dir, { 'b.txt': 'b', 'sub/a.txt': 'a' })
    await symlink('/etc/passwd', join(dir, 'passwd'))
    execFileSync('mkfifo', [join(dir, 'pipe')])
    const { format, entries } = await readAll(dir)
    expect(format).toBe('directory')
    expect(entries.map((e) => [e.path, e.type])).toEqual([
      ['b.txt', 'file'],
      ['passwd', 'symlink'],
      ['pipe', 'fifo'],
      ['sub', 'directory'],
      ['sub/a.txt', 'file'],
    ])
    expect(entries[1].linkTarget).toBe('/etc/passwd')
    expect(entries[1].content).toBeUndefined()
  })

  test('an npm package folder is read as npm pack would publish it, without running scripts', async () => {
    const dir = await tempDir()
    await writeTree(dir, {
      'package.json': JSON.stringify({
        name: 'demo',
        version: '1.0.0',
        files: ['dist'],
        scripts: { prepack: "node -e \"require('fs').writeFileSync('PREPACK_RAN', '')\"" },
      }),
      'dist/index.js': 'module.exports = 1',
      'src/index.ts': 'export = 1',
      '.env': 'X=1',
    })
    await chmod(join(dir, 'dist/index.js'), 0o755)
    const { format, entries } = await readAll(dir)
    expect(format).toBe('npm-directory')
    expect(paths(entries)).toEqual(['dist/index.js', 'package.json'])
    expect(entries[0].mode & 0o111).not.toBe(0)
    expect(existsSync(join(dir, 'PREPACK_RAN'))).toBe(false)
    const whole = await readAll(dir, { pack: false })
    expect(whole.format).toBe('directory')
    expect(paths(whole.entries)).toEqual([
      '.env',
      'dist',
      'dist/index.js',
      'package.json',
      'src',
      'src/index.ts',
    ])
  })

  test('a package folder npm cannot pack is an error naming the folder', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'package.json'), '{ not json')
    await expect(readAll(dir)).rejects.toThrow(ArtifactError)
    await expect(readAll(dir)).rejects.toThrow(dir)
  })
})

describe('unreadable artifacts fail closed with the file and the cause', () => {
  const cases: Array<[string, () => Buffer, RegExp]> = [
    ['empty.tgz', () => Buffer.alloc(0), /empty file/],
    [
      'text.tgz',
      () => Buffer.from('hello, this is not an archive at all'),
      /not a supported archive/,
    ],
    [
      'trunc.tgz',
      () => tgz([{ name: 'package/a.js', content: 'x'.repeat(5000) }]).subarray(0, 60),
      /gzip|truncated/i,
    ],
    [
      'trunc.tar',
      () => tar([{ name: 'a.js', content: 'x'.repeat(5000) }]).subarray(0, 2048),
      /truncated/,
    ],
    [
      'noend.tar',
      () => tar([{ name: 'a.js', content: 'x' }], { end: false }),
      /end-of-archive marker is missing/,
    ],
    [
      'garbage.tgz',
      () => gzipSync(Buffer.from('not a tar '.repeat(100))),
      /not a tar archive|unreadable tar/,
    ],
    [
      'zeros.tar.xz',
      () => Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2]),
      /unsupported archive format: xz/,
    ],
    ['trunc.zip', () => zip([{ name: 'a.txt', content: 'hello' }]).subarray(0, 40), /zip/],
  ]
  test.each(cases)('%s', async (name, make, cause) => {
    const path = await file(name, make())
    const err = await readAll(path).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ArtifactError)
    expect((err as Error).message).toContain(path)
    expect((err as Error).message).toMatch(cause)
  })

  test('a bad header checksum', async () => {
    const bytes = tar([
      { name: 'a.js', content: 'x' },
      { name: 'b.js', content: 'y' },
    ])
    bytes[1024 + 10] ^= 0xff
    await expect(readAll(await file('bad.tar', bytes))).rejects.toThrow(/checksum/)
  })

  test('a missing file', async () => {
    await expect(readAll('/nonexistent/pkg.tgz')).rejects.toThrow(
      /\/nonexistent\/pkg.tgz: no such file/,
    )
  })
})

describe('safety limits stop reading with LimitExceeded', () => {
  test('entry count', async () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ name: `package/f${i}`, content: 'x' }))
    await expect(
      readAll(await file('many.tgz', tgz(items)), { limits: { maxEntries: 10 } }),
    ).rejects.toThrow(LimitExceeded)
  })

  test('total bytes', async () => {
    const items = Array.from({ length: 4 }, (_, i) => ({
      name: `package/f${i}`,
      content: 'x'.repeat(1000),
    }))
    await expect(
      readAll(await file('big.tgz', tgz(items)), { limits: { maxTotalBytes: 2500 } }),
    ).rejects.toThrow(/max-total-bytes/)
  })

  test('an entry over max-entry-bytes is not read and says so', async () => {
    const { entries } = await readAll(
      await file('one.tgz', npmTgz({ 'big.bin': 'x'.repeat(5000), 'small.js': '1' })),
      { limits: { maxEntryBytes: 1000 } },
    )
    expect(entries[0].content).toBeUndefined()
    expect(entries[0].unreadable?.kind).toBe('limit')
    expect(entries[1].content?.toString()).toBe('1')
  })

  test('a gzip bomb trips the compression ratio', async () => {
    const bomb = tgz([{ name: 'package/zeros', content: Buffer.alloc(64 * 1024 * 1024) }])
    const err = await readAll(await file('bomb.tgz', bomb)).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(LimitExceeded)
    expect((err as LimitExceeded).limit).toBe('maxRatio')
  })

  test('a folder respects the limits too', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'x'))
    await writeTree(dir, { 'x/a': '1', 'x/b': '2', 'x/c': '3' })
    await expect(readAll(dir, { limits: { maxEntries: 2 } })).rejects.toThrow(LimitExceeded)
  })
})
