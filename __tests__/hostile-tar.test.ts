import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, test } from '@jest/globals'
import { checkBytes, rulesOf } from './helpers/check.js'
import { tempDir } from './helpers/fs.js'
import { base256, rawTar, tarHeader, zeroBomb } from './helpers/hostile.js'
import { runCli } from './helpers/run.js'
import { tar, tgz } from './helpers/tar.js'

describe('bombs and floods are bounded by the safety limits', () => {
  test('a 4 GiB gzip bomb (64 gzip members of zeros) stops at the ratio limit within seconds', async () => {
    const bomb = zeroBomb(4)
    expect(bomb.length).toBeLessThan(8 * 1024 ** 2)
    const rss = process.memoryUsage().rss
    const started = Date.now()
    const r = await checkBytes('bomb.tgz', bomb)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(rulesOf(r)).toContain('archive/limit-exceeded')
    expect(r.findings.find((f) => f.rule === 'archive/limit-exceeded')?.message).toMatch(
      /compression ratio over 200:1/,
    )
    expect(process.memoryUsage().rss - rss).toBeLessThan(256 * 1024 ** 2)
  })

  test('a low-ratio bomb is stopped by max-total-bytes, even inside an entry too big to read', async () => {
    // Random hex compresses about 2:1, far under max-ratio.
    const text = Buffer.from(
      Array.from({ length: 3 * 1024 ** 2 }, (_, i) => ((i * 2654435761) >>> 13) % 16)
        .map((n) => n.toString(16))
        .join(''),
    )
    const r = await checkBytes(
      'low.tgz',
      tgz([{ name: 'package/big.txt', content: text }]),
      'safety:\n  max-total-bytes: 1048576\n  max-entry-bytes: 524288\n',
    )
    expect(rulesOf(r)).toEqual(['archive/limit-exceeded', 'archive/limit-exceeded'])
    expect(r.findings.map((f) => f.message).join('\n')).toMatch(/more than 1048576 unpacked bytes/)
  })

  test('many small entries stop at max-entries', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ name: `package/f${i}`, content: 'x' }))
    const r = await checkBytes('many.tgz', tgz(items), 'safety:\n  max-entries: 1000\n')
    expect(rulesOf(r)).toEqual(['archive/limit-exceeded'])
  })

  test('one huge declared entry is not read, and a tar that does not hold it is truncated (exit 3)', async () => {
    const r = await checkBytes(
      'huge.tar',
      Buffer.concat([
        tarHeader({ name: 'package/huge', sizeField: base256(2 ** 40) }, 0),
        Buffer.alloc(4096),
      ]),
    )
    expect(r.artifacts[0].error).toMatch(/truncated tar/)
  })

  test('deep paths (2,000 segments) are read and reported without trouble', async () => {
    const deep = `package/${'d/'.repeat(2000)}x.js`
    const r = await checkBytes('deep.tgz', tgz([{ name: deep, content: 'x' }]))
    expect(r.artifacts[0].files).toBe(1)
    expect(r.artifacts[0].error).toBeUndefined()
  })
})

describe('damaged input stops the run with exit 3, naming the file and the cause', () => {
  const good = tar([{ name: 'package/a.js', content: 'x'.repeat(3000) }])
  const cases: Array<[string, Buffer, RegExp]> = [
    [
      'truncated-gzip.tgz',
      gzipSync(good).subarray(0, gzipSync(good).length - 6),
      /corrupt or truncated gzip data/,
    ],
    ['truncated-tar.tar', good.subarray(0, 1536), /truncated tar/],
    ['no-end-marker.tar', good.subarray(0, good.length - 1024), /end-of-archive marker is missing/],
    [
      'bad-checksum.tar',
      Buffer.concat([
        tarHeader({ name: 'package/a.js' }, 0),
        tarHeader({ name: 'b' }, 0, true),
        Buffer.alloc(1024),
      ]),
      /header checksum failure/,
    ],
    [
      'negative-size.tar',
      Buffer.concat([
        tarHeader({ name: 'package/a.js', sizeField: base256(-5) }, 0),
        Buffer.alloc(1024),
      ]),
      /corrupt tar: package\/a.js has a negative or unreadable size field/,
    ],
    ['zero-bytes.tgz', Buffer.alloc(0), /empty file/],
    [
      'not-an-archive.tgz',
      Buffer.from('just some text, not an archive'),
      /not a supported archive/,
    ],
    [
      'gzip-not-tar.tgz',
      gzipSync('just some text, not an archive '.repeat(40)),
      /not a tar archive/,
    ],
    ['garbage-after-gzip.tgz', Buffer.concat([gzipSync(good), Buffer.from('junk')]), /gzip/],
  ]

  test.each(cases)('%s', async (name, bytes, cause) => {
    const r = await checkBytes(name, bytes)
    expect(r.artifacts[0].error).toMatch(cause)
    expect(r.result).toBe('fail')
  })

  test('the CLI exits 3 and prints the file and the cause', async () => {
    const dir = await tempDir()
    for (const [name, bytes, cause] of cases.slice(0, 4)) {
      await writeFile(join(dir, name), bytes)
      const ran = runCli(['check', name], { cwd: dir })
      expect([name, ran.status]).toEqual([name, 3])
      expect(ran.stdout).toContain(name)
      expect(ran.stdout).toMatch(cause)
    }
  })
})

describe('what npm reads, and what it does not', () => {
  test('a gzip of several members is read whole, as npm reads it', async () => {
    const full = tar([
      { name: 'package/a.js', content: 'a' },
      { name: 'package/b.js', content: 'b' },
    ])
    const split = Buffer.concat([gzipSync(full.subarray(0, 1024)), gzipSync(full.subarray(1024))])
    const r = await checkBytes('members.tgz', split)
    expect(r.artifacts[0].error).toBeUndefined()
    expect(r.artifacts[0].files).toBe(2)
    expect(r.findings).toEqual([])
  })

  test('data after the end marker is a finding; zero padding is not', async () => {
    const hidden = rawTar([{ name: 'package/evil.js', content: 'evil' }])
    const after = rawTar([{ name: 'package/a.js', content: 'a' }], { after: hidden })
    const r = await checkBytes('after.tgz', gzipSync(after))
    expect(r.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([
      ['archive/trailing-data', 'error', ''],
    ])
    expect(r.findings[0].message).toMatch(
      /^2048 bytes follow the tar end-of-archive marker and hold data/,
    )
    const padded = rawTar([{ name: 'package/a.js', content: 'a' }], { after: Buffer.alloc(8192) })
    expect((await checkBytes('padded.tar', padded)).findings).toEqual([])
  })

  test('data after the end marker in a later gzip member, far past the marker, is found', async () => {
    const body = rawTar([{ name: 'package/a.js', content: 'a' }])
    const bytes = Buffer.concat([
      gzipSync(body),
      gzipSync(Buffer.alloc(300 * 1024)),
      gzipSync(Buffer.from('tail')),
    ])
    expect(rulesOf(await checkBytes('late.tgz', bytes))).toEqual(['archive/trailing-data'])
  })

  test('trailing data inside a nested tarball names the nested archive', async () => {
    const inner = gzipSync(
      rawTar([{ name: 'package/x.js', content: 'x' }], { after: Buffer.from('junk') }),
    )
    const r = await checkBytes(
      'outer.tgz',
      tgz([{ name: 'package/vendor/dep.tgz', content: inner }]),
    )
    expect(r.findings.map((f) => [f.rule, f.file])).toEqual([
      ['archive/trailing-data', 'vendor/dep.tgz'],
    ])
  })
})

describe('nested archives share one budget and a depth limit', () => {
  test('a bomb nested in a tarball is stopped by the shared budget', async () => {
    const inner = tgz([{ name: 'package/zeros', content: Buffer.alloc(40 * 1024 ** 2) }])
    const r = await checkBytes(
      'outer.tgz',
      tgz([
        { name: 'package/a.tgz', content: inner },
        { name: 'package/b.tgz', content: inner },
      ]),
      'safety:\n  max-total-bytes: 62914560\n',
    )
    expect(rulesOf(r)).toEqual(['archive/limit-exceeded'])
  })
})

describe('data after the end marker when the last entry is the root folder', () => {
  test('is still reported (it rode on a last entry that is not handed on)', async () => {
    const bytes = rawTar(
      [
        { name: 'package/a.js', content: 'a' },
        { name: './', type: '5' },
      ],
      { after: rawTar([{ name: 'package/evil.js', content: 'evil' }]) },
    )
    const r = await checkBytes('root-last.tar', bytes)
    expect(r.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([
      ['archive/trailing-data', 'error', ''],
    ])
    expect(r.artifacts[0].files).toBe(1)
    const clean = rawTar([
      { name: 'package/a.js', content: 'a' },
      { name: './', type: '5' },
    ])
    expect((await checkBytes('root-last.tar', clean)).findings).toEqual([])
  })
})
