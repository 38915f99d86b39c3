import { describe, expect, test } from '@jest/globals'
import type { RawFinding } from '../src/findings.js'
import { OffloadHost, type OffloadLimits } from '../src/rules/secrets/engine/offload/host.js'
import { SecretScan } from '../src/rules/secrets/engine/scan.js'
import { localScanning, type SecretScanning } from '../src/rules/secrets/engine/service.js'
import { secretScan } from '../src/rules/secrets/scan.js'
import { FakeWorker, code, key, tick } from './helpers/fake-worker.js'
import { prng } from './helpers/hostile.js'

// The offload host against a worker on this thread (FakeWorker): replies come in order, as a
// MessagePort delivers them, but when the test chooses.

/** Small sizes, so a little work makes many batches; the worker takes everything from the start. */
const LIMITS: OffloadLimits = {
  batch: { bytes: 8 * 1024, jobs: 4 },
  inFlight: 48 * 1024,
  share: Infinity,
  small: 1024,
  startAfter: 0,
}

function setup(worker: FakeWorker, limits: Partial<OffloadLimits> = {}) {
  const host = new OffloadHost(worker.start, secretScan, { ...LIMITS, ...limits })
  const found: RawFinding[] = []
  return { host, found, scanning: host.open((f) => found.push(f)) }
}

/**
 * Hands `scanning` the same random mix of work for each seed, as reading does: texts, files held
 * whole (over half a pooled buffer, so not packed), and two streamed files at a time fed in
 * chunks between them, waiting on `ready` after each piece.
 */
async function handOver(scanning: SecretScanning, seed: number): Promise<void> {
  const rnd = prng(seed)
  const streams = [0, 1].map((i) => ({ i, sink: scanning.sink(`s${i}.js`), left: stream(i) }))
  for (let n = 0; n < 60; n++) {
    const pick = rnd()
    if (pick < 0.25) scanning.text(code(1500 + rnd() * 9000, `t${n}`, 20), `t${n}.js`)
    else if (pick < 0.4) scanning.bytes(Buffer.from(code(60_000, `b${n}`, 300)), `b${n}.js`)
    else {
      const s = streams[Math.floor(rnd() * 2)]
      const cut = Math.ceil(rnd() * 40_000)
      s.sink.write(s.left.subarray(0, cut))
      s.left = s.left.subarray(cut)
      if (s.left.length === 0) {
        s.sink.end()
        s.i += 2
        s.sink = scanning.sink(`s${s.i}.js`)
        s.left = stream(s.i)
      }
    }
    await scanning.ready()
  }
  for (const s of streams) {
    s.sink.write(s.left)
    s.sink.end()
  }
}
const stream = (i: number) => Buffer.from(code(200_000 + i * 7919, `s${i}`, 400))

describe('the offload host', () => {
  test.each([1, 2, 3])(
    'reports findings in the order the work was handed over, across batches and windows, replies delayed (seed %i)',
    async (seed) => {
      const expected: RawFinding[] = []
      await handOver(
        localScanning(secretScan, (f) => expected.push(f)),
        seed,
      )
      expect(expected.length).toBeGreaterThan(100)
      const rnd = prng(seed * 31)
      const worker = new FakeWorker(() => Math.floor(rnd() * 4))
      const { host, found, scanning } = setup(worker)
      await handOver(scanning, seed)
      await scanning.settle()
      expect(found.map(key)).toEqual(expected.map(key))
      const kinds = worker.received.flatMap((r) => ('jobs' in r ? r.jobs.map((j) => j.kind) : []))
      expect(new Set(kinds)).toEqual(new Set(['text', 'bytes', 'window']))
      expect(worker.received.length).toBeGreaterThan(20)
      await host.close()
      expect(worker.closed).toBe(true)
    },
  )

  test('reports small files packed together in the order they were handed over', async () => {
    const files = Array.from({ length: 300 }, (_, i) =>
      Buffer.from(code(1200 + i * 37, `p${i}`, 9)),
    )
    const worker = new FakeWorker(() => 1)
    const { found, scanning } = setup(worker)
    for (const [i, f] of files.entries()) {
      scanning.bytes(f, `p${i}.js`)
      await scanning.ready()
    }
    await scanning.settle()
    const expected: RawFinding[] = []
    const local = localScanning(secretScan, (f) => expected.push(f))
    files.forEach((f, i) => local.bytes(f, `p${i}.js`))
    expect(found.map(key)).toEqual(expected.map(key))
    const kinds = worker.received.flatMap((r) => ('jobs' in r ? r.jobs.map((j) => j.kind) : []))
    expect(new Set(kinds)).toEqual(new Set(['pack']))
  })

  test('settle resolves only after every finding of the work handed over', async () => {
    const worker = new FakeWorker()
    const { found, scanning } = setup(worker)
    for (let i = 0; i < 12; i++) scanning.text(code(4000, `w${i}`, 10), `w${i}.js`)
    let settled = false
    const settling = scanning.settle().then(() => {
      settled = true
      return found.length
    })
    // Every batch and then the settle request itself are waiting on the worker.
    expect(worker.queue.at(-1)).toEqual({ settle: 0 })
    while (worker.queue.length > 1) {
      worker.answer(1)
      await tick()
      expect(settled).toBe(false)
    }
    const reported = found.length
    expect(reported).toBeGreaterThan(12)
    worker.answer()
    expect(await settling).toBe(reported)
  })

  test('a worker that stops with an error rejects settle and ready with it', async () => {
    const worker = new FakeWorker()
    const { scanning } = setup(worker)
    scanning.text(code(20_000, 'f', 10), 'f.js')
    const settling = scanning.settle()
    worker.crash(new Error('worker died'))
    await expect(settling).rejects.toThrow('worker died')
    scanning.text(code(20_000, 'g', 10), 'g.js')
    await expect(scanning.ready()).rejects.toThrow('worker died')
    await expect(scanning.settle()).rejects.toThrow('worker died')
  })

  test('a worker whose job fails rejects settle with its error, never settles clean', async () => {
    const broken = new SecretScan(() => {
      throw new Error('no detectors')
    })
    const worker = new FakeWorker(() => 0, broken)
    const { scanning } = setup(worker)
    scanning.text(code(20_000, 'f', 10), 'f.js')
    await expect(scanning.settle()).rejects.toThrow(/secret scanning failed: Error: no detectors/)
  })

  test('holds reading back while too much is in flight, and lets it go on after replies', async () => {
    const worker = new FakeWorker()
    const { scanning } = setup(worker)
    // Before the worker has anything, reading never waits.
    expect(scanning.ready()).toBeUndefined()
    const batch = () => scanning.text(code(LIMITS.batch.bytes, 'x'), 'x.js')
    for (let i = 0; i < 5; i++) batch()
    expect(worker.queue).toHaveLength(5)
    expect(scanning.ready()).toBeUndefined()
    batch()
    let released = false
    void scanning.ready()?.then(() => (released = true))
    await tick()
    expect(released).toBe(false)
    worker.answer(1)
    await tick()
    expect(released).toBe(true)
  })

  test('a failure lets held-back reading go on, to be rejected at the next ready', async () => {
    const worker = new FakeWorker()
    const { scanning } = setup(worker)
    for (let i = 0; i < 6; i++) scanning.text(code(LIMITS.batch.bytes, 'x'), 'x.js')
    const held = scanning.ready()
    expect(held).toBeInstanceOf(Promise)
    worker.crash(new Error('gone'))
    await held
    await expect(scanning.ready()).rejects.toThrow('gone')
  })

  test('scans the first bytes, small texts and work past the share limit on this thread', async () => {
    const worker = new FakeWorker()
    const { found, scanning } = setup(worker, { startAfter: 10_000, share: 16 * 1024 })
    scanning.text(code(6000, 'a', 10), 'a.js')
    await scanning.ready()
    expect(worker.started).toBe(0)
    expect(found.length).toBeGreaterThan(0)
    // Past startAfter: to the worker, sent in batches (or at once while it has nothing).
    scanning.text(code(6000, 'b', 10), 'b.js')
    expect(found.every((f) => f.file === 'a.js')).toBe(true)
    await scanning.ready()
    expect(worker.started).toBe(1)
    scanning.text(code(900, 'c', 5), 'c.js')
    expect(found.some((f) => f.file === 'c.js')).toBe(true)
    for (let i = 0; i < 2; i++) scanning.text(code(LIMITS.batch.bytes, `d${i}`, 10), `d${i}.js`)
    expect(found.some((f) => f.file.startsWith('d'))).toBe(false)
    // Now 6 + 2 x 8 KB are queued, over `share`: both cores scan.
    scanning.text(code(3000, 'e', 10), 'e.js')
    expect(found.some((f) => f.file === 'e.js')).toBe(true)
    const settling = scanning.settle()
    worker.answer()
    await settling
    expect(new Set(found.map((f) => f.file))).toEqual(
      new Set(['a.js', 'b.js', 'c.js', 'd0.js', 'd1.js', 'e.js']),
    )
  })
})
