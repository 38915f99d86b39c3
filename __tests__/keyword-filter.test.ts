import { describe, expect, test } from '@jest/globals'
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { scanBytes, secretSink } from '../src/rules/secrets/scan.js'
import { isPrintable, printableRuns } from '../src/rules/secrets/engine/binary.js'
import { KeywordFilter, SIMD_FROM } from '../src/rules/secrets/engine/keyword-filter.js'
import { BLOCK, simdScanner } from '../src/rules/secrets/engine/simd-filter.js'
import { createScanner } from '../src/rules/secrets/engine/scanner.js'
import type { RawFinding } from '../src/findings.js'
import { prng } from './helpers/hostile.js'

// The keyword pass is a plain loop that reports candidate positions, confirmed by a sticky
// regex. These tests hold it to the regex it replaced: every position where a keyword matches
// case-insensitively must be a candidate, whatever the text is made of.

const KEYWORDS = [
  ...new Set(
    DETECTORS.flatMap((d) => [...(d.keywords ?? []), ...(d.near?.keywords ?? [])]).map((k) =>
      k.toLowerCase(),
    ),
  ),
]
const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
const ANY_KEYWORD = new RegExp(KEYWORDS.map(escape).join('|'), 'gi')

/** Every position where some keyword matches, as the old single-regex pass found them. */
function matches(text: string, from = 0, to = text.length): number[] {
  const out: number[] = []
  ANY_KEYWORD.lastIndex = from
  for (let m = ANY_KEYWORD.exec(text); m && m.index < to; m = ANY_KEYWORD.exec(text)) {
    out.push(m.index)
    ANY_KEYWORD.lastIndex = m.index + 1
  }
  return out
}

const filter = new KeywordFilter(KEYWORDS)
const candidates = (text: string, from = 0, to = text.length) => {
  const { positions, count } = filter.find(text, from, to)
  return [...positions.subarray(0, count)]
}

/** A text of keywords in random case, cut and glued, among bytes of every kind. */
function noisy(seed: number, length: number, wide = false): string {
  const rnd = prng(seed)
  const pieces: string[] = []
  let size = 0
  while (size < length) {
    const r = rnd()
    let p: string
    if (r < 0.3) {
      const k = KEYWORDS[Math.floor(rnd() * KEYWORDS.length)]
      const cased = [...k].map((c) => (rnd() < 0.5 ? c.toUpperCase() : c)).join('')
      p = rnd() < 0.2 ? cased.slice(0, 1 + Math.floor(rnd() * cased.length)) : cased
    } else if (r < 0.4 && wide) {
      p = String.fromCharCode(0x100 + Math.floor(rnd() * 0xfe00))
    } else {
      p = String.fromCharCode(Math.floor(rnd() * 256))
    }
    pieces.push(p)
    size += p.length
  }
  return pieces.join('')
}

describe('KeywordFilter', () => {
  test.each([1, 2, 3, 4, 5])(
    'reports every keyword position in noisy latin1 text (seed %i)',
    (seed) => {
      const text = noisy(seed, 20_000)
      const found = matches(text)
      expect(found.length).toBeGreaterThan(500)
      const c = new Set(candidates(text))
      expect(found.filter((p) => !c.has(p))).toEqual([])
    },
  )

  test.each([6, 7])('and in text with characters past latin1 (seed %i)', (seed) => {
    const text = noisy(seed, 20_000, true)
    const c = new Set(candidates(text))
    expect(matches(text).filter((p) => !c.has(p))).toEqual([])
  })

  test('reports the same positions over bytes as over their latin1 text', () => {
    const text = noisy(8, 50_000)
    const { positions, count } = filter.findBytes(Buffer.from(text, 'latin1'), 0, text.length)
    expect([...positions.subarray(0, count)]).toEqual(candidates(text))
  })

  test('stays within [from, to) but sees a keyword that starts before `to` and ends after', () => {
    const text = 'xx ghp_ yy GHP_ zz ghp_'
    expect(candidates(text, 3, 12)).toEqual([3, 11])
    expect(candidates(text, 4, 11)).toEqual([])
    expect(candidates(text, 19, 20)).toEqual([19])
    expect(candidates('gh', 0, 2)).toEqual([])
  })

  test('grows past its first array without losing a position', () => {
    const text = 'eyJ'.repeat(10_000)
    expect(candidates(text)).toEqual(Array.from({ length: 10_000 }, (_, i) => i * 3))
  })

  test('refuses a keyword shorter than three characters', () => {
    expect(() => new KeywordFilter(['ab'])).toThrow(/shorter than 3/)
  })
})

describe('the SIMD pass over long ranges', () => {
  const plain = new KeywordFilter(KEYWORDS, { simd: false })
  const list = (c: { positions: Int32Array; count: number }) => [
    ...c.positions.subarray(0, c.count),
  ]

  test('runs on this runtime (else the tests above checked the plain loop only)', () => {
    expect(filter.usesSimd).toBe(true)
    expect(plain.usesSimd).toBe(false)
  })

  test('reports exactly what the plain loop reports, across blocks and at range edges', () => {
    const text = noisy(11, 2 * BLOCK + 5_000)
    const bytes = Buffer.from(text, 'latin1')
    const rnd = prng(12)
    const ranges: Array<[number, number]> = [
      [0, text.length],
      [BLOCK - 1, BLOCK + 1 + SIMD_FROM],
      [BLOCK - 2, 2 * BLOCK - 1],
      [text.length - SIMD_FROM, text.length],
      [text.length - SIMD_FROM - 3, text.length - 2],
    ]
    for (let i = 0; i < 40; i++) {
      const from = Math.floor(rnd() * text.length)
      const span =
        rnd() < 0.5 ? SIMD_FROM + Math.floor(rnd() * 64) : Math.floor(rnd() * BLOCK * 1.5)
      ranges.push([from, Math.min(text.length, from + span)])
    }
    for (const [from, to] of ranges) {
      const expected = list(plain.find(text, from, to))
      expect(list(filter.find(text, from, to))).toEqual(expected)
      expect(list(filter.findBytes(bytes, from, to))).toEqual(expected)
    }
  })

  test('with keywords of its own (tables made at run time), misses no trigram', () => {
    const rnd = prng(13)
    for (let trial = 0; trial < 20; trial++) {
      const alphabet = 'ab-_:./0xyzAB'
      const pick = () => alphabet[Math.floor(rnd() * alphabet.length)]
      const keywords = Array.from(
        { length: 1 + Math.floor(rnd() * 30) },
        () => pick() + pick() + pick(),
      )
      const text = Array.from({ length: 5_000 }, pick).join('')
      const mine = new KeywordFilter(keywords)
      const folded = new Set(keywords.map((k) => [...k].map((c) => c.charCodeAt(0) | 32).join()))
      const expected: number[] = []
      for (let i = 0; i + 2 < text.length; i++)
        if (folded.has([0, 1, 2].map((d) => text.charCodeAt(i + d) | 32).join())) expected.push(i)
      expect(list(mine.find(text, 0, text.length))).toEqual(expected)
    }
  })

  test('a scanner for no trigram at all reports nothing', () => {
    const none = simdScanner([0x7f7f7f])!
    const found: number[] = []
    none.scan('plain text '.repeat(1000), 0, 11_000, (at) => found.push(at))
    expect(found).toEqual([])
  })
})

describe('binaries are scanned only when a keyword sits in a printable run', () => {
  const { scan, keywordInRuns } = createScanner(DETECTORS)
  const samples = DETECTORS.flatMap((d) => d.samples.match().map((s) => ({ id: d.id, s })))

  test('each must-match sample inside random binary bytes is still found', () => {
    const rnd = prng(11)
    const junk = (n: number) =>
      Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)).map((b) => b || 1))
    for (const { id, s } of samples) {
      const bytes = Buffer.concat([
        junk(3000),
        Buffer.from([0]),
        Buffer.from(`\n${s}\n`),
        junk(3000),
      ])
      const found: RawFinding[] = []
      scanBytes(bytes, 'bin/tool', (f) => found.push(f))
      expect([id, found.some((f) => f.rule === id || f.rule === 'secret/unverified')]).toEqual([
        id,
        true,
      ])
    }
  })

  test('when the gate is closed, scanning the printable runs finds nothing (random trials)', () => {
    const rnd = prng(12)
    let closed = 0
    let withFindings = 0
    for (let trial = 0; trial < 400; trial++) {
      // Random bytes, mostly printable, with keywords and sample pieces dropped in.
      const parts: Buffer[] = []
      for (let i = 0; i < 30; i++) {
        const r = rnd()
        if (r < 0.02) {
          const { s } = samples[Math.floor(rnd() * samples.length)]
          const cut = Math.floor(rnd() * s.length)
          parts.push(Buffer.from(rnd() < 0.5 ? s : s.slice(cut), 'latin1'))
        } else if (r < 0.05) {
          parts.push(Buffer.from(KEYWORDS[Math.floor(rnd() * KEYWORDS.length)], 'latin1'))
        } else {
          const n = 1 + Math.floor(rnd() * 12)
          const b = Buffer.alloc(n)
          for (let j = 0; j < n; j++)
            b[j] = rnd() < 0.7 ? 0x20 + Math.floor(rnd() * 95) : Math.floor(rnd() * 32)
          parts.push(b)
        }
      }
      const bytes = Buffer.concat([Buffer.from([0]), ...parts])
      const found: RawFinding[] = []
      scan(printableRuns(bytes, 8), 'bin', (f) => found.push(f))
      if (found.length > 0) withFindings++
      if (!keywordInRuns(bytes, 0, bytes.length, 8)) {
        closed++
        expect(found).toEqual([])
      }
    }
    // Both sides of the gate were exercised.
    expect(closed).toBeGreaterThan(20)
    expect(closed).toBeLessThan(380)
    expect(withFindings).toBeGreaterThan(10)
  })

  test('isPrintable keeps exactly the bytes printableRuns keeps', () => {
    for (let b = 0; b < 256; b++) {
      // A blanked byte becomes NUL, so NUL itself counts as not kept.
      const kept =
        b !== 0 && printableRuns(Buffer.alloc(8, b), 8) === Buffer.alloc(8, b).toString('latin1')
      expect([b, isPrintable(b)]).toEqual([b, kept])
    }
  })

  test('keywordInRuns says whether a keyword starts in [from, to) inside a long enough run', () => {
    // The oracle: every maximal printable run, every position in it, the keyword regex (with
    // its guards) tried there.
    const guards: Record<string, string> = Object.assign(
      {},
      ...DETECTORS.map((d) => d.guards ?? {}),
    )
    const source = KEYWORDS.map((k) => escape(k) + (guards[k] ? `(?=${guards[k]})` : '')).join('|')
    const sticky = new RegExp(source, 'iy')
    const printable = (b: number) => (b >= 0x20 && b <= 0x7e) || b === 9 || b === 10 || b === 13
    const oracle = (bytes: Buffer, from: number, to: number, min: number) => {
      const text = bytes.toString('latin1')
      for (let s = 0; s < bytes.length;) {
        if (!printable(bytes[s])) {
          s++
          continue
        }
        let e = s
        while (e < bytes.length && printable(bytes[e])) e++
        for (let p = Math.max(s, from); e - s >= min && p < Math.min(e, to); p++) {
          sticky.lastIndex = p
          if (sticky.test(text)) return true
        }
        s = e
      }
      return false
    }
    const rnd = prng(14)
    const outcomes = new Set<boolean>()
    for (let trial = 0; trial < 3000; trial++) {
      const parts: Buffer[] = []
      for (let i = 0; i < 6; i++) {
        const n = Math.floor(rnd() * 14)
        const b = Buffer.alloc(n)
        for (let j = 0; j < n; j++) b[j] = 0x20 + Math.floor(rnd() * 95)
        parts.push(b, Buffer.from([Math.floor(rnd() * 9)]))
        if (rnd() < 0.3) parts.push(Buffer.from(KEYWORDS[Math.floor(rnd() * KEYWORDS.length)]))
      }
      const bytes = Buffer.concat(parts)
      const min = 3 + Math.floor(rnd() * 10)
      const from = Math.floor(rnd() * bytes.length)
      const to = from + Math.floor(rnd() * (bytes.length - from + 1))
      const want = oracle(bytes, from, to, min)
      outcomes.add(want)
      expect([trial, keywordInRuns(bytes, from, to, min)]).toEqual([trial, want])
    }
    expect(outcomes).toEqual(new Set([true, false]))
  })

  test('a streamed binary is skipped window by window, and a secret in one window is found', () => {
    const value = samples.find((x) => x.id === 'secret/github-token')!.s
    const rnd = prng(13)
    const bytes = Buffer.alloc(400_000)
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256)
    bytes[0] = 0
    const at = 250_000
    bytes.write(`\n${value}\n`, at, 'latin1')
    const found: RawFinding[] = []
    const sink = secretSink('bin/tool', (f) => found.push(f))
    for (let i = 0; i < bytes.length; i += 7000) sink.write(bytes.subarray(i, i + 7000))
    sink.end()
    expect(found.map((f) => f.rule)).toEqual(['secret/github-token'])
    const line = bytes
      .subarray(0, at + 1)
      .toString('latin1')
      .split('\n').length
    expect(found[0].line).toBe(line)
  })
})
