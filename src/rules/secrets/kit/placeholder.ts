import { secretHash } from '../engine/redact.js'

/**
 * Why a matched value is not taken at face value:
 * - `placeholder`: a documented example or a made-up value (`xxxx`, `your…`, `abcdef…`,
 *   `1111…`, a short repeated unit): not a finding at all;
 * - `test`: looks like a test value (`test`, `fake`, `mock`, `dummy`): at most a notice,
 *   reported as `secret/unverified`.
 */
export type Doubt = 'placeholder' | 'test'

const PLACEHOLDER_WORDS = /example|sample|placeholder|your|xxxx|redacted|changeme|lorem/i
const TEST_WORDS = /test|fake|mock|dummy|fixture/i

/**
 * Past this length a body is a key blob: a 4-letter word inside 1,000 random base64 characters
 * turns up by chance (about one key in twenty), so words say nothing about it there.
 */
const WORDS_MEAN_SOMETHING = 100

/** Judges the random part of a secret (without its fixed prefix). */
export function doubt(body: string): Doubt | undefined {
  const words = body.length <= WORDS_MEAN_SOMETHING
  if (body.length < 8 || (words && PLACEHOLDER_WORDS.test(body)) || madeUp(body))
    return 'placeholder'
  if (words && TEST_WORDS.test(body)) return 'test'
  return undefined
}

const seen = new Uint8Array(256)

/**
 * Whether a value was typed rather than generated: few distinct characters, mostly counting
 * steps (`abcdef`, `123456`, `aaaa`), a run of 8 counting steps, 6 equal characters in a row,
 * or a short unit repeated.
 */
function madeUp(s: string): boolean {
  seen.fill(0)
  let distinct = 0
  let steps = 0
  let run = 0
  let same = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) & 0xff
    if (!seen[c]) {
      seen[c] = 1
      distinct++
    }
    if (i === 0) continue
    const d = c - (s.charCodeAt(i - 1) & 0xff)
    if (d >= -1 && d <= 1) steps++
    run = d === 1 || d === -1 ? run + 1 : 0
    same = d === 0 ? same + 1 : 0
    // `12345678…` counting, or `000000` padding (`ghp_PersonalAccessToken0000…`)
    if (run >= 8 || same >= 5) return true
  }
  if (distinct < Math.min(10, Math.max(3, s.length / 4)) || steps * 2 >= s.length - 1) return true
  // a unit of p characters repeated has at most p distinct ones
  for (let p = distinct; p <= 8 && p * 2 <= s.length; p++) {
    let i = p
    while (i < s.length && s[i] === s[i - p]) i++
    if (i === s.length) return true
  }
  return false
}

/**
 * Salted hashes (see redact.ts) of values published as examples in vendor documentation, so
 * they can be recognized without writing them down: the Azurite / Azure Storage Emulator
 * account key and the jwt.io sample token. (AWS's documented keys say EXAMPLE in them.)
 */
const DOCUMENTED = new Set(['d7119e84ead6', '4c233a1916e3'])

/** Whether a whole secret is a documented example value. */
export function isDocumentedExample(value: string): boolean {
  return DOCUMENTED.has(secretHash(value))
}
