import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { check } from '../src/check.js'
import { parseConfig } from '../src/config/parse.js'
import type { Report } from '../src/report/types.js'
import { tempDir } from './helpers/fs.js'
import { prng } from './helpers/hostile.js'
import { runCli } from './helpers/run.js'
import { tar } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

// `npm test` runs a few hundred cases; `npm run fuzz` (FUZZ_CASES) runs as many as asked.
// FUZZ_SEED replays a run: a failure names the seed and case that broke.
const CASES = Number(process.env.FUZZ_CASES ?? 300)
const SEED = Number(process.env.FUZZ_SEED ?? 20240611)
const PER_CASE_MS = 5000
const CLI_EVERY = Math.max(1, Math.floor(CASES / 8))

const config = parseConfig(
  'safety:\n  max-total-bytes: 33554432\n  max-entry-bytes: 8388608\n  max-entries: 5000\n',
  'fuzz.yml',
)

/** Valid archives to start from: each format, with nesting, links, long names and both zip methods. */
function seeds(): Array<{ name: string; tar?: Buffer; bytes: Buffer }> {
  const inner = zip([
    { name: 'a/b.txt', content: 'inner text '.repeat(20) },
    { name: 'a/c.bin', content: Buffer.from([0, 1, 2, 3, 255]), method: 0 },
  ])
  const t = tar([
    { name: 'package/package.json', content: '{"name":"f","version":"1.0.0"}' },
    { name: 'package/lib/', type: '5' },
    { name: 'package/lib/index.js', content: 'module.exports = 1\n'.repeat(40) },
    { name: `package/${'long/'.repeat(30)}x.js`, content: 'x' },
    { name: 'package/link', type: '2', linkname: 'lib/index.js' },
    { name: 'package/vendor/dep.zip', content: inner },
  ])
  return [
    { name: 'seed.tgz', tar: t, bytes: gzipSync(t) },
    { name: 'seed.tar', tar: t, bytes: t },
    {
      name: 'seed.zip',
      bytes: zip([
        { name: 'pkg/', mode: 0o040755 },
        { name: 'pkg/mod.py', content: 'print("hi")\n'.repeat(30) },
        { name: 'pkg/data.bin', content: Buffer.alloc(300, 7), method: 0 },
        { name: 'pkg/nested.zip', content: inner, method: 0 },
      ]),
    },
  ]
}

type Rand = () => number

function mutate(input: Buffer, rand: Rand): { bytes: Buffer; how: string[] } {
  let b = Buffer.from(input)
  const how: string[] = []
  const at = (n = b.length) => Math.floor(rand() * Math.max(1, n))
  for (let k = 1 + at(4); k > 0; k--) {
    const op = at(6)
    const i = at()
    if (op === 0) {
      b[i] ^= 1 << at(8)
      how.push(`flip@${i}`)
    } else if (op === 1) {
      const junk = Buffer.from(Array.from({ length: 1 + at(16) }, () => at(256)))
      b = Buffer.concat([b.subarray(0, i), junk, b.subarray(i)])
      how.push(`insert${junk.length}@${i}`)
    } else if (op === 2) {
      const n = 1 + at(64)
      b = Buffer.concat([b.subarray(0, i), b.subarray(i + n)])
      how.push(`delete${n}@${i}`)
    } else if (op === 3) {
      b = b.subarray(0, i)
      how.push(`truncate@${i}`)
    } else if (op === 4) {
      const n = 1 + at(8)
      b.fill(rand() < 0.5 ? 0xff : 0x00, i, Math.min(b.length, i + n))
      how.push(`fill${n}@${i}`)
    } else {
      // Copy a piece elsewhere: duplicates headers, entries and signatures.
      const n = 1 + at(600)
      const piece = Buffer.from(b.subarray(i, i + n))
      const to = at()
      b = Buffer.concat([b.subarray(0, to), piece, b.subarray(to)])
      how.push(`copy${n}@${i}->${to}`)
    }
  }
  return { bytes: b, how }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms (hang)`)), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

describe('mutated archives never crash, hang or pass silently broken', () => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled)
  })
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled)
  })

  test(
    `${CASES} cases from seed ${SEED}`,
    async () => {
      const dir = await tempDir()
      const rand = prng(SEED)
      const bases = seeds()
      const outcomes = { report: 0, unreadable: 0 }
      for (let n = 0; n < CASES; n++) {
        const base = bases[n % bases.length]
        // Half the gzip cases mutate the tar inside, so the tar parser sees damage, not only zlib.
        const inside = base.tar && base.name.endsWith('.tgz') && rand() < 0.5
        const m = mutate(inside ? (base.tar as Buffer) : base.bytes, rand)
        const bytes = inside ? gzipSync(m.bytes) : m.bytes
        const name = `case-${n}-${base.name}`
        const label = `seed ${SEED} case ${n} (${base.name}${inside ? ', tar inside' : ''}: ${m.how.join(' ')})`
        await writeFile(join(dir, name), bytes)
        let report: Report
        try {
          report = await withTimeout(
            check({ cwd: dir, artifacts: [name], config, failOn: 'error', pack: false }),
            PER_CASE_MS,
          )
        } catch (err) {
          throw new Error(`${label}: ${(err as Error).stack}`, { cause: err })
        }
        const a = report.artifacts[0]
        // Either a normal report, or an unreadable artifact with a cause: never both, never neither.
        expect([label, a.path, typeof (a.error ?? '')]).toEqual([label, name, 'string'])
        if (a.error) {
          outcomes.unreadable++
          expect([label, report.result]).toEqual([label, 'fail'])
          expect([label, a.error.length > 0]).toEqual([label, true])
        } else outcomes.report++
        if (n % CLI_EVERY === 0) {
          const ran = runCli(['check', name, '--no-pack'], { cwd: dir })
          expect([label, [0, 1, 3].includes(ran.status ?? -1)]).toEqual([label, true])
          if (ran.status === 3) expect([label, ran.stdout.includes(name)]).toEqual([label, true])
        }
      }
      expect(unhandled).toEqual([])
      // The mutations reach both outcomes, or the loop tests little.
      expect(outcomes.report).toBeGreaterThan(0)
      expect(outcomes.unreadable).toBeGreaterThan(0)
    },
    CASES * 200 + 30_000,
  )
})
