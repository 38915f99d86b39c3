import { describe, expect, test } from '@jest/globals'
import { checkBytes, rulesOf } from './helpers/check.js'
import { prng, rawZip } from './helpers/hostile.js'
import { unicodePathField, zip } from './helpers/zip.js'
import { STREAM_ABOVE } from '../src/sources/body.js'

const marker = 'HOSTILE_MARKER'
const yaml = `content:\n  - name: marker\n    strings: [${marker}]\n`
const found = (r: Awaited<ReturnType<typeof checkBytes>>) =>
  r.findings.map((f) => [f.rule, f.severity, f.file])

describe('zip: data that does not match its CRC-32', () => {
  /** A zip whose stored data for `name` has one byte changed after zipping (CRC left as it was). */
  const tampered = (name: string, content: Buffer) => {
    const bytes = zip([{ name, content, method: 0 }])
    const at = bytes.indexOf(content.subarray(0, 64))
    bytes[at + 10] ^= 0x01
    return bytes
  }

  test.each([
    ['a small file', 1000],
    ['a streamed file', STREAM_ABOVE + 1000],
  ])('%s is an error finding naming both checksums', async (_, size) => {
    const content = Buffer.alloc(size, 'abcdefgh')
    const r = await checkBytes('c.zip', tampered('lib/x.js', content))
    expect(found(r)).toEqual([['archive/zip-mismatch', 'error', 'lib/x.js']])
    expect(r.findings[0].message).toMatch(
      /^lib\/x\.js: its data does not match its CRC-32 \([0-9a-f]{8}, declared [0-9a-f]{8}\): damaged, or altered after it was zipped/,
    )
  })

  test('an intact zip has no CRC finding', async () => {
    const r = await checkBytes(
      'ok.zip',
      zip([{ name: 'x.js', content: 'a'.repeat(5000), method: 8 }]),
    )
    expect(rulesOf(r)).toEqual([])
  })
})

describe('zip: the central directory and the local headers must agree', () => {
  test('a local header with another name is an error finding', async () => {
    const r = await checkBytes(
      'm.zip',
      rawZip([{ name: 'a.txt', localName: 'evil.sh', content: 'x' }]),
    )
    expect(found(r)).toEqual([['archive/zip-mismatch', 'error', 'a.txt']])
    expect(r.findings[0].message).toBe(
      "a.txt: the local header names it 'evil.sh': readers that use local headers see another file",
    )
  })

  test("a local header's Unicode Path field (0x7075) naming another file is an error finding", async () => {
    const long = 'x'.repeat(300)
    const r = await checkBytes(
      'u.zip',
      rawZip([
        // Only the local header has the field: bsdtar and streaming readers see evil.sh.
        { name: 'a.txt', content: 'x', flags: 0, localExtra: unicodePathField('a.txt', 'evil.sh') },
        // Both have one, naming different files.
        {
          name: 'b.txt',
          content: 'x',
          flags: 0,
          extra: unicodePathField('b.txt', 'b.txt'),
          localExtra: unicodePathField('b.txt', 'other.sh'),
        },
        // A field longer than the central directory's guess takes a second read.
        {
          name: 'c.txt',
          content: 'x',
          flags: 0,
          localExtra: unicodePathField('c.txt', `${long}.sh`),
        },
      ]),
    )
    expect(found(r)).toEqual([
      ['archive/zip-mismatch', 'error', 'a.txt'],
      ['archive/zip-mismatch', 'error', 'b.txt'],
      ['archive/zip-mismatch', 'error', 'c.txt'],
    ])
    expect(r.findings[0].message).toBe(
      "a.txt: the local header's Info-ZIP Unicode Path field names it 'evil.sh': readers that use local headers see another file",
    )
  })

  test('the same Unicode Path field in the local header and the directory is not a finding', async () => {
    const r = await checkBytes(
      'ok.zip',
      rawZip([
        { name: 'a.txt', content: 'x', flags: 0, extra: unicodePathField('a.txt', 'a.txt') },
        {
          name: Buffer.from('caf\u00e9'),
          content: 'x',
          flags: 0,
          localExtra: unicodePathField(Buffer.from('caf\u00e9'), 'caf\u00e9'),
        },
        { name: 'na?ve', content: 'x', flags: 0, extra: unicodePathField('na?ve', 'na\u00efve') },
      ]),
    )
    expect(found(r).filter(([rule]) => rule === 'archive/zip-mismatch')).toEqual([])
  })

  test('sizes that disagree, or that lie about the data, are findings; the data is still scanned', async () => {
    const r = await checkBytes(
      's.zip',
      rawZip([
        { name: 'local-lie.txt', content: 'x', localSize: 99 },
        { name: 'central-lie.txt', content: `${marker} and more`, centralSize: 3 },
        { name: 'stored-lie.txt', content: marker, method: 0, centralSize: 1 },
      ]),
      yaml,
    )
    // A directory size lie is two findings: the local header disagrees, and so does the data.
    expect(found(r).sort()).toEqual([
      ['archive/zip-mismatch', 'error', 'central-lie.txt'],
      ['archive/zip-mismatch', 'error', 'central-lie.txt'],
      ['archive/zip-mismatch', 'error', 'local-lie.txt'],
      ['archive/zip-mismatch', 'error', 'stored-lie.txt'],
      ['archive/zip-mismatch', 'error', 'stored-lie.txt'],
      ['content/marker', 'error', 'central-lie.txt'],
      ['content/marker', 'error', 'stored-lie.txt'],
    ])
    expect(r.findings.map((f) => f.message)).toContain(
      'central-lie.txt: it declares 3 bytes but its data holds 23',
    )
  })

  test('a size lie cannot make an entry read past max-entry-bytes', async () => {
    const r = await checkBytes(
      'bomb.zip',
      rawZip([
        { name: 'zeros', content: Buffer.alloc(4 * 1024 ** 2), centralSize: 10, localSize: 10 },
      ]),
      'safety:\n  max-entry-bytes: 1048576\n',
    )
    expect(found(r)).toEqual([
      ['archive/limit-exceeded', 'error', 'zeros'],
      ['archive/zip-mismatch', 'error', 'zeros'],
    ])
  })

  test('large entries, read as a stream, get the same checks', async () => {
    const rand = prng(1)
    // Random letters: text (so content rules read it) that deflates to more than 256 KiB.
    const noise = Buffer.from(
      Array.from({ length: 700 * 1024 }, () => 97 + Math.floor(rand() * 26)),
    )
    const content = Buffer.concat([noise, Buffer.from(`\n${marker}\n`)])
    const r = await checkBytes(
      'large.zip',
      rawZip([
        { name: 'big.bin', content, centralSize: 10, localSize: 10 },
        { name: 'big-stored.bin', content, method: 0 },
      ]),
      yaml,
    )
    expect(found(r).sort()).toEqual([
      ['archive/zip-mismatch', 'error', 'big.bin'],
      ['content/marker', 'error', 'big-stored.bin'],
      ['content/marker', 'error', 'big.bin'],
    ])
    const small = await checkBytes(
      'capped.zip',
      rawZip([{ name: 'big.bin', content }]),
      'safety:\n  max-entry-bytes: 307200\n',
    )
    expect(found(small)).toEqual([['archive/limit-exceeded', 'error', 'big.bin']])
  })

  test('an entry the central directory does not list is found between the others', async () => {
    const r = await checkBytes(
      'h.zip',
      rawZip([
        { name: 'a.txt', content: 'a' },
        { name: 'hidden.sh', content: 'evil', hidden: true },
        { name: 'b.txt', content: 'b' },
      ]),
    )
    expect(found(r)).toEqual([['archive/trailing-data', 'error', '']])
    expect(r.findings[0].message).toMatch(
      /^45 bytes at offset 38 belong to no entry listed in the central directory and hold a local entry header at offset 38/,
    )
  })

  test('overlapping entries (the data of one reused by another) are found', async () => {
    const r = await checkBytes(
      'o.zip',
      rawZip([
        { name: 'a.txt', content: 'aaaa' },
        { name: 'b.txt', content: 'aaaa', sameDataAs: 0 },
      ]),
    )
    // b.txt's own local header, now listed by nobody, is a hidden entry too.
    expect(rulesOf(r).sort()).toEqual([
      'archive/trailing-data',
      'archive/trailing-data',
      'archive/zip-mismatch',
    ])
    expect(r.findings.map((f) => f.message)).toContain(
      'the data of b.txt overlaps the data of a.txt: entries that share bytes (a zip-bomb technique)',
    )
  })

  test('two zips glued together: the second is read (as pip reads it), the first is a finding', async () => {
    const first = zip([{ name: 'first.txt', content: marker }])
    const second = zip([{ name: 'second.txt', content: marker }])
    const r = await checkBytes('glued.zip', Buffer.concat([first, second]), yaml)
    expect(found(r)).toEqual([
      ['archive/trailing-data', 'error', ''],
      ['content/marker', 'error', 'second.txt'],
    ])
    expect(r.findings[0].message).toMatch(
      new RegExp(`^${first.length} bytes come before the archive and hold a zip entry`),
    )
  })

  test('encrypted and unsupported-method entries are never treated as clean', async () => {
    const r = await checkBytes(
      'u.zip',
      rawZip([
        { name: 'enc.txt', content: 'x', method: 0, flags: 0x801 },
        { name: 'bzip2.txt', content: 'x', method: 12 },
        // Strong encryption (flag bit 6): yauzl alone would refuse the whole zip.
        { name: 'strong.txt', content: 'x', method: 0, flags: 0x841 },
        { name: 'plain.txt', content: marker, method: 0 },
      ]),
      yaml,
    )
    expect(found(r)).toEqual([
      ['archive/unreadable-entry', 'error', 'bzip2.txt'],
      ['archive/unreadable-entry', 'error', 'enc.txt'],
      ['content/marker', 'error', 'plain.txt'],
      ['archive/unreadable-entry', 'error', 'strong.txt'],
    ])
  })

  test('damaged entry data and a directory pointing nowhere are findings; the rest is read', async () => {
    const good = rawZip([
      { name: 'a.txt', content: 'a'.repeat(100) },
      { name: 'b.txt', content: marker },
    ])
    const damaged = Buffer.from(good)
    damaged[35] = 0x07 // a.txt's first deflate block: final, with the reserved block type
    const r = await checkBytes('d.zip', damaged, yaml)
    expect(rulesOf(r)).toContain('content/marker')
    expect(found(r)).toContainEqual(['archive/unreadable-entry', 'error', 'a.txt'])
    const nowhere = Buffer.from(good)
    const cd = nowhere.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    nowhere.writeUInt32LE(5, cd + 42) // a.txt's local header offset
    const n = await checkBytes('n.zip', nowhere, yaml)
    expect(found(n)).toEqual(
      expect.arrayContaining([
        ['archive/unreadable-entry', 'error', 'a.txt'],
        ['archive/zip-mismatch', 'error', 'a.txt'],
        ['content/marker', 'error', 'b.txt'],
      ]),
    )
  })

  test('a zip whose directory lists nothing but that holds entries is exit 3', async () => {
    const r = await checkBytes(
      'empty.zip',
      rawZip([{ name: 'x.sh', content: 'evil', hidden: true }]),
    )
    expect(r.artifacts[0].error).toMatch(/zip with no entries: .*local entry header/)
  })

  test('problems of a nested zip name the nested archive', async () => {
    const inner = rawZip([{ name: 'a.txt', localName: 'b.txt', content: 'x' }])
    const r = await checkBytes('outer.zip', zip([{ name: 'lib/x.jar', content: inner }]))
    expect(found(r)).toEqual([['archive/zip-mismatch', 'error', 'lib/x.jar!/a.txt']])
  })
})
