import { describe, expect, test } from '@jest/globals'
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { scanSecrets, skimSecrets } from '../src/rules/secrets/scan.js'
import { SIMD_FROM } from '../src/rules/secrets/engine/keyword-filter.js'
import { keywordsOf } from '../src/rules/secrets/engine/scanner.js'
import { BLOCK } from '../src/rules/secrets/engine/simd-filter.js'
import type { RawFinding } from '../src/findings.js'
import { scanMap } from '../src/rules/sourcemaps/scan-map.js'
import { prng } from './helpers/hostile.js'

// An embedded source whose raw JSON text holds no keyword, and only the escapes \" \\ \b \f \n
// \r \t, is not decoded: none of those escapes makes a character a keyword or its guard is made
// of, so the decoded text cannot hold a keyword either. These tests hold `skim` to decoding and
// scanning, on texts made to trip it: keywords and secrets cut by escapes, URLs with
// credentials, escapes across the blocks the SIMD pass reads.

const findings = (text: string) => {
  const out: RawFinding[] = []
  scanSecrets(text, 'x', (f) => out.push(f))
  return out
}
const decode = (raw: string) => JSON.parse(`"${raw}"`) as string
const KEYWORDS = keywordsOf(DETECTORS)
/** A keyword whose guard passes, anywhere: what the scanner starts from (its own regex, rebuilt). */
const GUARDS: Record<string, string> = Object.assign({}, ...DETECTORS.map((d) => d.guards ?? {}))
const escapeRe = (k: string) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
const ANY_KEYWORD = new RegExp(
  KEYWORDS.map((k) => escapeRe(k) + (GUARDS[k] ? `(?=${GUARDS[k]})` : '')).join('|'),
  'i',
)
const SECRETS = DETECTORS.flatMap((d) => d.samples.match())

/** Raw JSON string text: pieces of keywords, secrets and URLs, escaped in every way JSON allows. */
function rawText(seed: number, length: number): string {
  const rnd = prng(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]
  const escapes = ['\\n', '\\t', '\\"', '\\\\', '\\r', '\\b', '\\f', '\\/', '\\u0041', '\\u0067']
  const raw = (text: string) => JSON.stringify(text).slice(1, -1)
  const parts: string[] = []
  let size = 0
  while (size < length) {
    const r = rnd()
    let p: string
    if (r < 0.1) p = raw(pick(KEYWORDS))
    else if (r < 0.15) p = raw(pick(SECRETS))
    else if (r < 0.2)
      p = `https://u${pick(escapes)}ser:pa${rnd() < 0.5 ? pick(escapes) : ''}ss@host/`
    else if (r < 0.3) p = pick(escapes)
    else if (r < 0.32) {
      // A keyword with one of its characters written as an escape JSON allows for it.
      const k = pick([...KEYWORDS, 'https://user:pass@host/'])
      const at = Math.floor(rnd() * k.length)
      const c = k[at]
      const escaped =
        c === '/' && rnd() < 0.5 ? '\\/' : `\\u00${c.charCodeAt(0).toString(16).padStart(2, '0')}`
      p = raw(k.slice(0, at)) + escaped + raw(k.slice(at + 1))
    } else if (r < 0.35) {
      const k = pick(KEYWORDS)
      const cut = 1 + Math.floor(rnd() * (k.length - 1))
      p = raw(k.slice(0, cut)) + pick(escapes) + raw(k.slice(cut))
    } else p = raw(pick(['function f() { return x }', ' ', 'abc', '0', 'x = "y"', '\n  ']))
    parts.push(p)
    size += p.length
  }
  return parts.join('')
}

describe('skimming an embedded source', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'what it lets pass decodes to its length and holds no secret (seed %i)',
    (seed) => {
      const rnd = prng(seed * 31)
      let passed = 0
      let kept = 0
      for (let trial = 0; trial < 60; trial++) {
        // Sparse texts: most hold no keyword at all, so both answers are exercised.
        const raw =
          rnd() < 0.5
            ? 'a'.repeat(SIMD_FROM) + rawText(seed * 1000 + trial, 40)
            : rawText(seed * 1000 + trial, SIMD_FROM + Math.floor(rnd() * 3000))
        const text = decode(raw)
        const length = skimSecrets(raw)
        if (length === undefined) {
          kept++
          continue
        }
        passed++
        expect(length).toBe(text.length)
        expect(ANY_KEYWORD.exec(text)).toBeNull()
        expect(findings(text)).toEqual([])
      }
      expect(passed).toBeGreaterThan(0)
      expect(kept).toBeGreaterThan(0)
    },
  )

  test('a secret, its keyword cut by an escape or not, is never skimmed past', () => {
    for (const s of SECRETS) {
      const text = `${'x'.repeat(SIMD_FROM)}\n  const key = "${s}"\n`
      if (findings(text).length === 0) continue // a sample that needs more context than this
      expect(skimSecrets(JSON.stringify(text).slice(1, -1))).toBeUndefined()
      const cut = JSON.stringify(text)
        .slice(1, -1)
        .replace(s.slice(0, 2), `${s[0]}\\u00${s.charCodeAt(1).toString(16)}`)
      expect(skimSecrets(cut)).toBeUndefined()
    }
  })

  test('a keyword written with \\/ or \\u escapes is never skimmed past', () => {
    const long = 'x'.repeat(SIMD_FROM)
    const credentials = 'https://user:pass@host/'
    for (const k of [...KEYWORDS.filter((k) => !GUARDS[k]), credentials]) {
      for (let at = 0; at < k.length; at++) {
        const c = k[at]
        const forms = [`\\u00${c.charCodeAt(0).toString(16).padStart(2, '0')}`]
        if (c === '/') forms.push('\\/')
        for (const form of forms) {
          const raw = `${long} ${k.slice(0, at)}${form}${k.slice(at + 1)} ${long}`
          expect(ANY_KEYWORD.test(decode(raw))).toBe(true)
          expect(skimSecrets(raw)).toBeUndefined()
        }
      }
    }
  })

  test('texts shorter than the SIMD pass reads, and runtimes without it, are decoded', () => {
    expect(skimSecrets('plain text')).toBeUndefined()
  })

  test('a control byte or a bad escape is left to the decoder, which refuses it', () => {
    const long = 'a'.repeat(SIMD_FROM)
    for (const bad of ['\t', '\u0001', '\\q', '\\u12g', '\\x41']) {
      expect(skimSecrets(long + bad + long)).toBeUndefined()
      expect(() =>
        scanMap(
          `{"sources":["a"],"sourcesContent":["${long + bad + long}"]}`,
          () => {},
          skimSecrets,
        ),
      ).toThrow(/invalid string/)
    }
  })

  test('escapes across the blocks of the SIMD pass are counted once each', () => {
    const rnd = prng(99)
    const alphabet = ['x', 'q', '7', ' ', '\\', '"', '\n', '\t']
    for (const length of [BLOCK - 1, BLOCK + 1, 2 * BLOCK + 3]) {
      for (let shift = 0; shift < 2; shift++) {
        const text =
          'x'.repeat(shift) +
          Array.from({ length }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('')
        const raw = JSON.stringify(text).slice(1, -1)
        expect(skimSecrets(raw)).toBe(text.length)
      }
    }
    // An escaped backslash cut by the block's end: its second byte starts no escape.
    for (const before of [BLOCK - 1, BLOCK - 2]) {
      const cut = `${'x'.repeat(before)}\\abc\\`
      expect(skimSecrets(JSON.stringify(cut).slice(1, -1))).toBe(cut.length)
    }
    // A run of backslashes ending at a block's last byte: the escape goes on into the next.
    const text = `${'x'.repeat(BLOCK - 5)}\\\\\\${'"'.repeat(10)}`
    expect(skimSecrets(JSON.stringify(text).slice(1, -1))).toBe(text.length)
  })
})

describe('a map read with skimming', () => {
  test('reports what it reports without, secrets in long embedded sources included', () => {
    const rnd = prng(5)
    const contents = Array.from({ length: 30 }, (_, i) => {
      const body = Array.from({ length: 200 }, (_, l) => `line ${l}: value = "${i}-${l}";\n`)
      if (rnd() < 0.3)
        body.splice(Math.floor(rnd() * 200), 0, `  token = "${SECRETS[i % SECRETS.length]}"\n`)
      return body.join('')
    })
    const map = JSON.stringify({
      version: 3,
      sources: contents.map((_, i) => `s${i}.ts`),
      sourcesContent: contents,
    })
    const read = (skim?: (raw: string) => number | undefined) => {
      const found: RawFinding[] = []
      const onContent = (i: number, text: string) =>
        scanSecrets(text, `s${i}`, (f) => found.push(f))
      return { map: scanMap(map, onContent, skim), found }
    }
    const plain = read()
    const skimmed = read(skimSecrets)
    expect(skimmed.map).toEqual(plain.map)
    expect(skimmed.found).toEqual(plain.found)
    expect(plain.found.length).toBeGreaterThan(3)
  })
})
