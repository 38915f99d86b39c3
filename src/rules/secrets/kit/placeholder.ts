import { secretHash } from '../engine/redact.js'

/**
 * Why a matched value is not taken at face value:
 * - `placeholder`: a documented example or a made-up value (`xxxx`, `your…`, `abcdef…`,
 *   `1111…`, `key_1234`, a short repeated unit): not a finding at all;
 * - `test`: looks like a test value (`test`, `fake`, `mock`, `dummy`): at most a notice,
 *   reported as `secret/unverified`.
 *
 * A value is judged by its whole structure, never by a run somewhere inside it: `AAAA` runs are
 * in every OpenSSH key and `1234` turns up in random text, so neither says a value was typed.
 */
export type Doubt = 'placeholder' | 'test'

const PLACEHOLDER_WORDS = /example|sample|placeholder|your|xxxx|redacted|changeme|lorem/i
const TEST_WORDS = /test|fake|mock|dummy|fixture/i
/** A whole value that is a template slot: `<token>`, `${TOKEN}`, `{{token}}`, `%s`, `***`. */
const TEMPLATE = /^(?:<[^<>]*>|\$\{[^{}]*\}|\{\{[^{}]*\}\}|%[sd]|\*+|\.{3,}|…)$/

/**
 * Past this length a body is a key blob: a 4-letter word inside 1,000 random base64 characters
 * turns up by chance (about one key in twenty), so words say nothing about it there.
 */
const WORDS_MEAN_SOMETHING = 100

/** Judges the random part of a secret (without its fixed prefix). */
export function doubt(body: string): Doubt | undefined {
  const words = body.length <= WORDS_MEAN_SOMETHING
  if (
    body.length < 8 ||
    (words && PLACEHOLDER_WORDS.test(body)) ||
    TEMPLATE.test(body) ||
    madeUp(body)
  )
    return 'placeholder'
  if (words && TEST_WORDS.test(body)) return 'test'
  return undefined
}

const seen = new Uint8Array(256)

/**
 * Whether a value was typed rather than generated, judged on the whole of it: few distinct
 * characters for its length (`aaaa…`, `0000…`), mostly counting or equal steps (`abcdef…`,
 * `123456…`), a short unit repeated (`abcabc…`), or made only of words and counting or
 * repeated runs (`key_1234`, `PersonalAccessToken0000`).
 */
export function madeUp(s: string): boolean {
  seen.fill(0)
  let distinct = 0
  let steps = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) & 0xff
    if (!seen[c]) {
      seen[c] = 1
      distinct++
    }
    if (i === 0) continue
    const d = c - (s.charCodeAt(i - 1) & 0xff)
    if (d >= -1 && d <= 1) steps++
  }
  if (distinct < Math.min(10, Math.max(3, s.length / 4)) || steps * 2 >= s.length - 1) return true
  // a unit of p characters repeated has at most p distinct ones
  for (let p = distinct; p <= 8 && p * 2 <= s.length; p++) {
    let i = p
    while (i < s.length && s[i] === s[i - p]) i++
    if (i === s.length) return true
  }
  return wordsAndRuns(s)
}

/** Letters of one word (`key`, `Token`, `API`), digits, or anything else (separators). */
const PIECE = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^A-Za-z0-9]+/g
const WORD = /^(?:[A-Z]?[a-z]{1,23}|[A-Z]{2,24})$/

/**
 * Whether a value is made of words, separators and runs only, with at least one run: each
 * digit group counts (`1234`, `7890`, `9876`) or repeats (`0000`). Random text falls apart
 * at its first lone digit or jumble of letters.
 */
function wordsAndRuns(s: string): boolean {
  let runs = 0
  PIECE.lastIndex = 0
  for (let m = PIECE.exec(s); m; m = PIECE.exec(s)) {
    const piece = m[0]
    const code = piece.charCodeAt(0)
    const digits = code >= 0x30 && code <= 0x39
    const letters = !digits && /^[A-Za-z]/.test(piece)
    if (isRun(piece, digits)) runs++
    else if (digits || (letters && (piece.length < 2 || !WORD.test(piece)))) return false
  }
  return runs > 0
}

/** Four or more characters counting up or down by one (digits wrap: `7890`), or all equal. */
function isRun(piece: string, digits: boolean): boolean {
  if (piece.length < 4) return false
  let step: number | undefined
  for (let i = 1; i < piece.length; i++) {
    let d = piece.charCodeAt(i) - piece.charCodeAt(i - 1)
    if (digits && d === -9) d = 1
    else if (digits && d === 9) d = -1
    if (d < -1 || d > 1 || (step !== undefined && d !== step)) return false
    step = d
  }
  return true
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
