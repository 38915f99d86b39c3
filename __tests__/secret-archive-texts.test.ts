import { crc32, deflateRawSync } from 'node:zlib'
import { describe, expect, test } from '@jest/globals'
import { checksummed } from '../src/rules/secrets/kit/samples.js'
import { checkBytes } from './helpers/check.js'
import { tar, tgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

// Tokens are built at run time from pieces: no committed literal looks like one.
const gh = checksummed('ghp_', 'texts-1')
const npmToken = checksummed('npm_', 'texts-2')

const secrets = (r: { findings: Array<{ rule: string; file: string }> }) =>
  r.findings.filter((f) => f.rule.startsWith('secret/')).map((f) => [f.rule, f.file])

/** A gzip member with FNAME and FCOMMENT set (RFC 1952), as `gzip -N` and some tools write. */
function gzipWith(data: Buffer, fields: { name?: string; comment?: string }): Buffer {
  const flags = (fields.name !== undefined ? 8 : 0) | (fields.comment !== undefined ? 16 : 0)
  const head = Buffer.from([0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3])
  const parts = [head]
  for (const f of [fields.name, fields.comment])
    if (f !== undefined) parts.push(Buffer.from(`${f}\0`, 'latin1'))
  const tail = Buffer.alloc(8)
  tail.writeUInt32LE(crc32(data), 0)
  tail.writeUInt32LE(data.length, 4)
  return Buffer.concat([...parts, deflateRawSync(data), tail])
}

/** The zip with an archive comment and a comment on its first entry's central header. */
function zipWithComments(bytes: Buffer, archive: string, entry: string): Buffer {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const central = bytes.readUInt32LE(eocd + 16)
  const nameLen = bytes.readUInt16LE(central + 28)
  const extraLen = bytes.readUInt16LE(central + 30)
  const at = central + 46 + nameLen + extraLen
  const comment = Buffer.from(entry, 'latin1')
  const out = Buffer.concat([bytes.subarray(0, at), comment, bytes.subarray(at)])
  out.writeUInt16LE(comment.length, central + 32)
  const end = eocd + comment.length
  out.writeUInt32LE(out.readUInt32LE(end + 12) + comment.length, end + 12)
  out.writeUInt16LE(Buffer.byteLength(archive, 'latin1'), end + 20)
  return Buffer.concat([out.subarray(0, end + 22), Buffer.from(archive, 'latin1')])
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`
  let len = body.length + 1
  while (`${len}${body}`.length !== len) len++
  return `${len}${body}`
}

describe('secrets in the texts an archive keeps beside its files', () => {
  test('zip: the archive comment and an entry comment', async () => {
    const bytes = zipWithComments(
      zip([
        { name: 'a.txt', content: 'hello' },
        { name: 'b.txt', content: 'world' },
      ]),
      `release notes; deploy with ${gh}`,
      `uploaded with token ${npmToken}`,
    )
    const r = await checkBytes('x.zip', bytes)
    expect(secrets(r).sort()).toEqual([
      ['secret/github-token', 'x.zip!comment'],
      ['secret/npm-token', 'a.txt!comment'],
    ])
  })

  test('gzip: the header comment and the original name', async () => {
    const body = tar([{ name: 'package/index.js', content: 'module.exports = 1\n' }])
    const r = await checkBytes(
      'x.tgz',
      gzipWith(body, { name: `${npmToken}.tar`, comment: `token=${gh}` }),
    )
    expect(secrets(r).sort()).toEqual([
      ['secret/github-token', 'x.tgz!gzip-comment'],
      ['secret/npm-token', 'x.tgz!gzip-name'],
    ])
  })

  test('pax: a comment record and extended attributes (SCHILY raw, LIBARCHIVE base64)', async () => {
    const records = [
      paxRecord('comment', `built by ci with ${gh}`),
      paxRecord('SCHILY.xattr.user.token', npmToken),
    ].join('')
    const libarchive = paxRecord(
      'LIBARCHIVE.xattr.user.secret',
      Buffer.from(`t=${gh}`).toString('base64').replace(/=+$/, ''),
    )
    const r = await checkBytes(
      'p.tgz',
      tgz([
        { name: 'package/PaxHeader', type: 'x', content: records },
        { name: 'package/index.js', content: 'x' },
        { name: 'package/PaxHeader', type: 'x', content: libarchive },
        { name: 'package/lib.js', content: 'y' },
      ]),
    )
    expect(secrets(r).sort()).toEqual([
      ['secret/github-token', 'index.js!pax:comment'],
      ['secret/github-token', 'lib.js!pax:LIBARCHIVE.xattr.user.secret'],
      ['secret/npm-token', 'index.js!pax:SCHILY.xattr.user.token'],
    ])
  })

  test('a nested archive: its texts are attributed through the outer path', async () => {
    const inner = zipWithComments(zip([{ name: 'a.txt', content: 'x' }]), `key ${gh}`, '')
    const r = await checkBytes('o.tgz', tgz([{ name: 'package/lib/x.jar', content: inner }]))
    // The jar's own bytes hold the comment too (a zip comment is stored plain); both are named.
    expect(secrets(r)).toContainEqual(['secret/github-token', 'lib/x.jar!comment'])
  })

  test.each([
    [
      'a zip comment without a token',
      () =>
        zipWithComments(
          zip([{ name: 'a', content: 'x' }]),
          'Created by build 42; see ghp_ docs',
          'entry note',
        ),
    ],
    [
      'a gzip name and comment without a token',
      () =>
        gzipWith(tar([{ name: 'package/a', content: 'x' }]), {
          name: 'package.tar',
          comment: 'npm pack',
        }),
    ],
    [
      'pax attributes without a token',
      () =>
        tgz([
          {
            name: 'package/PaxHeader',
            type: 'x',
            content:
              paxRecord('SCHILY.xattr.user.mime_type', 'text/plain') +
              paxRecord('comment', `ghp_${'x'.repeat(36)}`),
          },
          { name: 'package/a', content: 'x' },
        ]),
    ],
  ])('%s finds nothing', async (_, build) => {
    const name = _.startsWith('a zip') ? 'c.zip' : 'c.tgz'
    expect(secrets(await checkBytes(name, build()))).toEqual([])
  })
})
