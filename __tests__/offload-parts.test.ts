import { describe, expect, test } from '@jest/globals'
import type { RawFinding } from '../src/findings.js'
import { Batcher } from '../src/rules/secrets/engine/offload/batcher.js'
import { JobHandler } from '../src/rules/secrets/engine/offload/handler.js'
import { BufferPool } from '../src/rules/secrets/engine/offload/pool.js'
import { END, POOLED, type Job } from '../src/rules/secrets/engine/offload/protocol.js'
import { localScanning } from '../src/rules/secrets/engine/service.js'
import { secretScan } from '../src/rules/secrets/scan.js'
import { code, key } from './helpers/fake-worker.js'

// The offload's parts on their own: the buffer pool, the batcher and the worker's job handler.

describe('the buffer pool', () => {
  test('hands out each buffer once until it is given back, then recycles it', () => {
    const pool = new BufferPool()
    const out = Array.from({ length: 5 }, () => pool.take())
    expect(out.every((v) => v.length === POOLED && v.byteOffset === 0)).toBe(true)
    expect(new Set(out.map((v) => v.buffer)).size).toBe(5)
    pool.give([out[1].buffer, out[3].buffer] as ArrayBuffer[])
    const again = [pool.take(), pool.take(), pool.take()]
    expect(again[0].buffer).toBe(out[3].buffer)
    expect(again[1].buffer).toBe(out[1].buffer)
    // Nothing free is left: a new one, never one still out.
    const inUse = new Set([...out, ...again.slice(0, 2)].map((v) => v.buffer))
    expect(inUse.has(again[2].buffer)).toBe(false)
  })

  test('copies bytes the worker can own: pooled when they fit, else in a buffer of their own', () => {
    const pool = new BufferPool()
    const small = Buffer.from('some bytes')
    const copy = pool.own(small)
    expect(Buffer.from(copy).toString()).toBe('some bytes')
    expect(copy.buffer.byteLength).toBe(POOLED)
    small.fill(0)
    expect(Buffer.from(copy).toString()).toBe('some bytes')
    const big = Buffer.alloc(POOLED + 1, 7)
    const own = pool.own(big)
    expect(own.buffer).not.toBe(big.buffer)
    expect([own.byteOffset, own.buffer.byteLength]).toEqual([0, POOLED + 1])
    expect(Buffer.compare(Buffer.from(own), big)).toBe(0)
  })
})

function batcher(limits = { bytes: 1000, jobs: 4 }) {
  const sent: { jobs: Job[]; size: number; transfer: ArrayBuffer[] }[] = []
  const b = new Batcher(
    new BufferPool(),
    (jobs, size, transfer) => sent.push({ jobs, size, transfer }),
    limits,
  )
  return { b, sent }
}

describe('the batcher', () => {
  test('sends a batch at its size or its number of jobs, and the rest when flushed', () => {
    const { b, sent } = batcher()
    b.text('x'.repeat(600), 'a')
    expect([sent.length, b.queued]).toEqual([0, 600])
    b.text('x'.repeat(600), 'b')
    expect(sent.map((s) => [s.jobs.map((j) => 'file' in j && j.file), s.size])).toEqual([
      [['a', 'b'], 1200],
    ])
    for (const f of ['c', 'd', 'e', 'f', 'g']) b.text('y', f)
    expect(sent[1].jobs).toHaveLength(4)
    expect(b.queued).toBe(1)
    b.flush()
    b.flush()
    expect(sent.map((s) => s.jobs.length)).toEqual([2, 4, 1])
  })

  test('packs small files into one pooled buffer, which joins the batch when full or flushed', () => {
    const { b, sent } = batcher({ bytes: 10 * POOLED, jobs: 1024 })
    const files = Array.from({ length: 5 }, (_, i) => Buffer.alloc(POOLED / 2, 97 + i))
    files.forEach((f, i) => b.bytes(f, `f${i}`))
    expect(b.queued).toBe(2 * POOLED)
    expect(b.full).toBe(false)
    b.flush()
    const packs = sent.flatMap((s) => s.jobs)
    expect(packs.map((j) => j.kind === 'pack' && [j.files, j.ends])).toEqual([
      [
        ['f0', 'f1'],
        [POOLED / 2, POOLED],
      ],
      [
        ['f2', 'f3'],
        [POOLED / 2, POOLED],
      ],
      [['f4'], [POOLED / 2]],
    ])
    const bytes = Buffer.concat(packs.map((j) => ('bytes' in j ? j.bytes : new Uint8Array())))
    expect(Buffer.compare(bytes, Buffer.concat(files))).toBe(0)
    // Each pack is one pooled buffer, transferred with its batch.
    expect(sent[0].transfer).toEqual(packs.map((j) => 'bytes' in j && j.bytes.buffer))
    expect(packs.every((j) => 'bytes' in j && j.bytes.buffer.byteLength === POOLED)).toBe(true)
  })

  test('counts an open pack as due for sending, but not as queued', () => {
    const { b, sent } = batcher()
    b.bytes(Buffer.alloc(999), 'a')
    expect([b.queued, b.full]).toEqual([0, false])
    b.bytes(Buffer.alloc(1), 'b')
    expect([b.queued, b.full, sent.length]).toEqual([0, true, 0])
  })

  test("sends bigger files alone, and a streamed file's windows in order, then END", () => {
    const { b, sent } = batcher({ bytes: 1, jobs: 1 })
    b.bytes(Buffer.alloc(POOLED / 2 + 1), 'big')
    const content = Buffer.from(code(300_000, 's'))
    const [s1, s2] = [b.sink('s1'), b.sink('s2')]
    for (let at = 0; at < content.length; at += 5000) s1.write(content.subarray(at, at + 5000))
    s1.end()
    s2.end()
    const jobs = sent.flatMap((s) => s.jobs)
    expect(jobs[0].kind === 'bytes' && jobs[0].bytes.length).toBe(POOLED / 2 + 1)
    const windows = jobs.flatMap((j) => (j.kind === 'window' ? [j] : []))
    expect(new Set(windows.map((w) => `${w.file} ${w.stream}`))).toEqual(new Set(['s1 0', 's2 1']))
    const own = windows.filter((w) => w.file === 's1' && w.pos !== END)
    expect(own.length).toBeGreaterThan(3)
    expect(
      Buffer.concat(own.map((w) => Buffer.from(w.bytes).subarray(w.pos.from, w.pos.to))),
    ).toEqual(content)
    // Each stream ends with END (after its one empty window, for a stream with no bytes).
    const last = (file: string) => windows.filter((w) => w.file === file).at(-1)?.pos
    expect([last('s1'), last('s2')]).toEqual([END, END])
  })
})

describe("the worker's job handler", () => {
  test('does jobs in order, each file as scanning here does, streams across requests', () => {
    const texts = [0, 1, 2].map((i) => code(3000, `h${i}`, 15))
    const expected: RawFinding[] = []
    const local = localScanning(secretScan, (f) => expected.push(f))
    local.text(texts[0], 't.js')
    local.bytes(Buffer.from(texts[1]), 'p1.js')
    local.bytes(Buffer.from(texts[2]), 'p2.js')
    const { b, sent } = batcher({ bytes: 1, jobs: 1 })
    b.text(texts[0], 't.js')
    b.bytes(Buffer.from(texts[1]), 'p1.js')
    b.bytes(Buffer.from(texts[2]), 'p2.js')
    // The pack of p1 and p2 joins a batch here (else with the next job, after it).
    b.flush()
    const big = code(400_000, 'big', 500)
    const sink = b.sink('big.js')
    const localSink = local.sink('big.js')
    for (const s of [sink, localSink]) {
      s.write(Buffer.from(big))
      s.end()
    }
    b.flush()
    const handler = new JobHandler(secretScan)
    const found = sent.flatMap(({ jobs, size }) => {
      const r = handler.handle({ jobs, size, masks: true })
      if (!('findings' in r)) throw new Error('expected findings')
      expect(r.masks).toHaveLength(r.findings.length)
      return r.findings
    })
    expect(found.map(key)).toEqual(expected.map(key))
    expect(found.length).toBeGreaterThan(10)
  })

  test('hands back pooled buffers only, answers a settle, and reports a failure', () => {
    const pool = new BufferPool()
    const jobs: Job[] = [
      { kind: 'bytes', file: 'a', bytes: pool.own(Buffer.from('x')) },
      { kind: 'bytes', file: 'b', bytes: pool.own(Buffer.alloc(POOLED + 1)) },
      { kind: 'text', file: 'c', text: 'y' },
    ]
    const handler = new JobHandler(secretScan)
    const r = handler.handle({ jobs, size: 3, masks: false })
    expect(r).toEqual({
      findings: [],
      masks: [],
      size: 3,
      buffers: [jobs[0].kind === 'bytes' && jobs[0].bytes.buffer],
    })
    expect(handler.handle({ settle: 7 })).toEqual({ settled: 7 })
    const bad = { kind: 'pack', files: ['z'], ends: [1], bytes: null } as unknown as Job
    const failed = handler.handle({ jobs: [bad], size: 1, masks: false })
    expect('failed' in failed && failed.failed).toMatch(/TypeError/)
  })
})
