import { gzipSync } from 'node:zlib'
import { describe, expect, test } from '@jest/globals'
import { STREAM_ABOVE } from '../src/sources/body.js'
import { base256, prng } from './helpers/hostile.js'
import { block, END, file, fixChecksum, meta, mixed, pad, paxRecord } from './helpers/tar-blocks.js'
import { nodeTar, ours, withoutOther } from './helpers/tar-events.js'
import { npmRead, packguardRead, type Read } from './helpers/tar-reads.js'

// packguard must read a tarball as npm does. node-tar's strict Parser (what npm extracts with)
// and packguard read the same archives, valid ones damaged at random, and must agree: TarParser
// on every header field, entry data and the bytes after the end marker; readTar (the whole
// reader) on every entry (path, type, mode, size, content, link target) and on how the read ends,
// plain and gzipped. `npm test` runs a few hundred cases, `npm run fuzz` (FUZZ_CASES) as many as
// asked. FUZZ_SEED picks other cases; a failure names its seed and case, and
// FUZZ_SEED=<seed> FUZZ_CASE=<case> runs that case alone.
const CASES = Number(process.env.FUZZ_CASES ?? 600)
const SEED = Number(process.env.FUZZ_SEED ?? 20240612)
const ONLY = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE)
const TIMEOUT = 30_000 + CASES * 20
const RUN = ONLY === undefined ? `${CASES} cases, seed ${SEED}` : `case ${ONLY} of seed ${SEED}`

/** Valid archives to damage: pax, GNU and ustar-prefix names, links, odd types and sizes. */
const SEEDS = [
  mixed(),
  Buffer.concat([
    file('package/a.js', 'x'.repeat(1500)),
    meta('x', Buffer.concat([paxRecord('size', '700'), paxRecord('linkpath', 'l')])),
    file('package/b.js', 'y'.repeat(700)),
    block({ name: 'package/s', type: '2', linkname: 'package/a.js' }),
    file('package/big', Buffer.alloc(1000, 3), { size: base256(1000) }),
    file('package/\u00e9t\u00e9.js', 'accent'),
    END,
  ]),
  Buffer.concat([
    block({ name: 'n', prefix: 'p'.repeat(155), size: 2 }),
    pad(Buffer.from('pp')),
    meta('N', 'old-gnu-long-name'),
    file('n2', 'N'),
    meta('X', paxRecord('path', 'old-pax')),
    file('x2', 'X'),
    meta('g', Buffer.concat([paxRecord('linkpath', 'glob'), paxRecord('uid', '7')])),
    block({ name: 'dev', type: '3' }),
    block({ name: 'fifo', type: '6' }),
    file('dump', 'dumped', { type: 'D' }),
    file('sparse', 'sparse', { type: 'S' }),
    meta('x', paxRecord('size', '1.5')),
    file('frac', 'ab'),
    END,
    file('after-end', 'z'),
  ]),
]

interface Case {
  /** Names the case, its seed and how it was damaged, in every failure. */
  label: string
  /** The damaged archive. */
  bytes: Buffer
  /** The case's own random numbers, for what the test does with it. */
  at: (n: number) => number
}

/** The cases, each from a seed of its own so that one can be replayed alone. */
function* cases(): Generator<Case> {
  const [from, to] = ONLY === undefined ? [0, CASES] : [ONLY, ONLY + 1]
  for (let n = from; n < to; n++) {
    const rand = prng((SEED ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0)
    const at = (k: number) => Math.floor(rand() * k)
    const { bytes, how } = damageHeaders(SEEDS[n % SEEDS.length], at)
    const label = `FUZZ_SEED=${SEED} FUZZ_CASE=${n} (${how.join(' ')})`
    yield { label, bytes, at }
  }
}

/** Aims at headers: a flipped or odd field byte (then mostly a fixed checksum), a cut, a copy. */
function damageHeaders(seed: Buffer, at: (n: number) => number): { bytes: Buffer; how: string[] } {
  let bytes = Buffer.from(seed)
  const how: string[] = []
  for (let k = 1 + at(3); k > 0; k--) {
    const header = 512 * at(bytes.length / 512)
    const i = header + at(512)
    const op = at(6)
    if (op === 0) bytes[i] ^= 1 << at(8)
    else if (op === 1) bytes[i] = 0
    else if (op === 2) bytes[i] = [0x20, 0x2d, 0x0a, 0x80, 0xff, 0x2f, 0x37, 0xe2][at(8)]
    else if (op === 3) bytes.fill(0, header, Math.min(bytes.length, header + 512))
    else if (op === 4)
      bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1 + at(600))])
    else
      bytes = Buffer.concat([
        bytes.subarray(0, header),
        bytes.subarray(header, header + 512),
        bytes.subarray(header),
      ])
    if (at(5) < 4 && op < 3) fixChecksum(bytes, header)
    how.push(`${op}@${i}`)
  }
  if (at(5) === 0) {
    const cut = at(bytes.length)
    how.push(`cut@${cut}`)
    bytes = bytes.subarray(0, cut)
  }
  return { bytes, how }
}

/** Damages a gzip stream itself: a flipped byte, a cut, bytes appended or zeroed. */
function damageGzip(gz: Buffer, at: (n: number) => number): { bytes: Buffer; how: string } {
  const i = at(gz.length)
  switch (at(4)) {
    case 0: {
      const bytes = Buffer.from(gz)
      bytes[i] ^= 1 << at(8)
      return { bytes, how: `flip@${i}` }
    }
    case 1:
      return { bytes: gz.subarray(0, i), how: `cut@${i}` }
    case 2: {
      const tail = [Buffer.from('junk'), Buffer.alloc(8), gzipSync('another member')][at(3)]
      return { bytes: Buffer.concat([gz, tail]), how: `append${tail.length}` }
    }
    default: {
      const bytes = Buffer.from(gz)
      bytes.fill(0, i, Math.min(gz.length, i + 1 + at(16)))
      return { bytes, how: `zero@${i}` }
    }
  }
}

const isGzip = (b: Buffer) => b[0] === 0x1f && b[1] === 0x8b

/**
 * Piece lengths for a gzipped input: readTar tells gzip from the first piece's first two bytes
 * (sources hand it 64 KiB pieces), so the first piece is never shorter.
 */
const gzipPieces = (gz: Buffer, at: (n: number) => number) => [2 + at(gz.length)]

describe('TarParser and node-tar agree on damaged archives', () => {
  test(
    `every header field, entry data and the bytes after the end marker (${RUN})`,
    () => {
      const outcomes = new Map<string, number>()
      for (const { label, bytes, at } of cases()) {
        if (isGzip(bytes)) continue
        // Up to the first error: node-tar reads on after one; we stop.
        const seen = ours(bytes, [1 + at(2000)])
        expect([label, withoutOther(seen, bytes)]).toEqual([label, nodeTar(bytes)])
        const last = seen.events.at(-1)
        const outcome = last?.[0] === 'error' ? last[1] : String(last?.[0])
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
      }
      if (process.env.FUZZ_SHOW) console.log(outcomes)
      // The damage reaches clean reads and errors alike, or the loop tests little.
      if (ONLY === undefined) {
        expect(outcomes.get('eof')).toBeGreaterThan(CASES / 10)
        expect(outcomes.get('checksum failure')).toBeGreaterThan(CASES / 10)
      }
    },
    TIMEOUT,
  )
})

describe('readTar and node-tar agree on damaged archives', () => {
  test(
    `.tar: entries, contents, link targets and how the read ends (${RUN})`,
    async () => {
      let ok = 0
      for (const { label, bytes, at } of cases()) {
        if (isGzip(bytes)) continue
        const ours = await packguardRead(bytes, [1 + at(2000), 1 + at(700)])
        expect([label, ours]).toEqual([label, npmRead(bytes)])
        if (ours.end === 'ok') ok++
      }
      // Clean reads and failed ones alike, or the loop tests little.
      if (ONLY === undefined) expect(Math.min(ok, CASES - ok)).toBeGreaterThan(CASES / 10)
    },
    TIMEOUT,
  )

  test(
    `.tgz holding a damaged tar (${RUN})`,
    async () => {
      for (const { label, bytes, at } of cases()) {
        const gz = gzipSync(bytes)
        const lengths = gzipPieces(gz, at)
        const ours = await packguardRead(gz, lengths)
        expect([label, ours]).toEqual([label, npmRead(gz)])
      }
    },
    TIMEOUT,
  )

  // zlib finds damage at the same byte for both, but how much of what it inflated before that
  // reaches the tar parser depends on how each feeds zlib: both reads fail, or both succeed and
  // agree whole; what both read before failing agrees (the last entry's data may be cut short).
  test(
    `.tgz whose gzip is damaged (${RUN})`,
    async () => {
      const failed = new Map<string, number>()
      for (const { label, at } of cases()) {
        const damaged = damageGzip(gzipSync(SEEDS[at(SEEDS.length)]), at)
        const ours = await packguardRead(damaged.bytes, gzipPieces(damaged.bytes, at))
        const npm = npmRead(damaged.bytes)
        const tag = `${label} gzip ${damaged.how}`
        if (npm.end === 'ok') {
          expect([tag, ours]).toEqual([tag, npm])
          continue
        }
        expect([tag, ours.end === 'ok']).toEqual([tag, false])
        const n = Math.min(ours.entries.length, npm.entries.length)
        const read = (r: Read) =>
          r.entries.slice(0, n).map((e, i) => (i < n - 1 ? e : { ...e, data: '' }))
        expect([tag, read(ours)]).toEqual([tag, read(npm)])
        failed.set(npm.end, (failed.get(npm.end) ?? 0) + 1)
      }
      if (process.env.FUZZ_SHOW) console.log(failed)
      // Most damage is found, or the loop tests little.
      const fails = [...failed.values()].reduce((a, b) => a + b, 0)
      if (ONLY === undefined) expect(fails).toBeGreaterThan(CASES / 2)
    },
    TIMEOUT,
  )

  test('a file streamed as a body (over STREAM_ABOVE), whole and cut short, plain and gzipped', async () => {
    const rand = prng(SEED)
    const data = Buffer.from(Array.from({ length: STREAM_ABOVE + 70_000 }, () => rand() * 256))
    const tar = Buffer.concat([
      file('package/small.js', 'before'),
      file('package/big.bin', data),
      file('package/after.js', 'after'),
      END,
    ])
    const cuts = [tar.length, 1024 + 700, 1536 + 65_536, 1536 + data.length - 3, tar.length - 1024]
    for (const cut of cuts) {
      const bytes = tar.subarray(0, cut)
      for (const input of [bytes, gzipSync(bytes)]) {
        const label = `seed ${SEED}: ${isGzip(input) ? 'tgz' : 'tar'} cut at ${cut}`
        const ours = await packguardRead(input, [65_536, 1 + Math.floor(rand() * 100_000)])
        expect([label, ours]).toEqual([label, npmRead(input)])
      }
    }
  })
})
