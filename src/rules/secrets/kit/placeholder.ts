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
 * characters for its length (`aaaa…`, `0000…`), mostly made of counting or repeated runs
 * (`abcdef…`, `123456…`, `1234567890abcdef`), a short unit repeated (`abcabc…`), or made only of
 * words and counting or repeated runs (`key_1234`, `PersonalAccessToken0000`). A run inside a
 * random body (`…x7Q1234kP…`, the `AAAA` of an OpenSSH key) covers too little of it to count.
 */
export function madeUp(s: string): boolean {
  seen.fill(0)
  let distinct = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) & 0xff
    if (!seen[c]) {
      seen[c] = 1
      distinct++
    }
  }
  if (distinct < Math.min(10, Math.max(3, s.length / 4)) || runCover(s) * 2 >= s.length) return true
  // a unit of p characters repeated has at most p distinct ones
  for (let p = distinct; p <= 8 && p * 2 <= s.length; p++) {
    let i = p
    while (i < s.length && s[i] === s[i - p]) i++
    if (i === s.length) return true
  }
  return wordsAndRuns(s)
}

/**
 * How many characters of `s` are in runs of four or more that count up or down by one or stay
 * equal (digits wrap: `7890`). Random text has few: a run of four is about one in a thousand
 * places of base64, one in a hundred of hex.
 */
function runCover(s: string): number {
  let covered = 0
  let counted = 0 // characters before this one are counted
  let i = 0
  while (i < s.length - 1) {
    const d = stepOf(s.charCodeAt(i), s.charCodeAt(i + 1))
    if (Number.isNaN(d)) {
      i++
      continue
    }
    let j = i + 1
    while (j + 1 < s.length && stepOf(s.charCodeAt(j), s.charCodeAt(j + 1)) === d) j++
    if (j - i >= 3) {
      covered += j + 1 - Math.max(i, counted)
      counted = j + 1
    }
    i = j
  }
  return covered
}

/** -1, 0 or 1 from one character to the next (digits wrap), else NaN. */
function stepOf(a: number, b: number): number {
  let d = b - a
  if (a >= 0x30 && a <= 0x39 && b >= 0x30 && b <= 0x39) {
    if (d === -9) d = 1
    else if (d === 9) d = -1
  }
  return d >= -1 && d <= 1 ? d : NaN
}

/** Letters of one word (`key`, `Token`, `API`), digits, or anything else (separators). */
const PIECE = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^A-Za-z0-9]+/g
const WORD = /^(?:[A-Z]?[a-z]{1,23}|[A-Z]{2,24})$/
/** A word has a vowel and no four consonants in a row; random letters (`Qxkmrv`, `PQ`) seldom do. */
const SPOKEN = /^(?=.*[aeiouy])(?!.*[b-df-hj-np-tv-xz]{4})/i

/**
 * Whether a value is made of words, separators and runs only, with at least one run: each
 * digit group counts (`1234`, `7890`, `9876`) or repeats (`0000`). Random text falls apart
 * at its first lone digit or jumble of letters that no one would say.
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
    else if (digits || (letters && (piece.length < 2 || !WORD.test(piece) || !SPOKEN.test(piece))))
      return false
  }
  return runs > 0
}

/** A word as names spell it: a vowel, and no five consonants in a row (`Background` is one). */
const SAYABLE = /^(?=.*[aeiouy])(?!.*[b-df-hj-np-tv-xz]{5})/i

/**
 * Whether a value is only words and separators, with at most a short number: an identifier or
 * a label (`selectedBackground`, `PRIMARY_ACCOUNT_JWT`, `?InterpolationInJSX`), not a generated
 * value. Abbreviations of up to three letters (`SM`, `Bg`, `JSX`) pass; longer pieces must be
 * words and hold two thirds of the letters.
 */
export function madeOfWords(s: string): boolean {
  let digits = 0
  let letters = 0
  let inWords = 0
  PIECE.lastIndex = 0
  for (let m = PIECE.exec(s); m; m = PIECE.exec(s)) {
    const piece = m[0]
    const code = piece.charCodeAt(0)
    if (code >= 0x30 && code <= 0x39) digits += piece.length
    if (!/^[A-Za-z]/.test(piece)) continue
    letters += piece.length
    if (piece.length <= 3) continue
    if (!(WORD.test(piece) && SAYABLE.test(piece))) return false
    inWords += piece.length
  }
  return digits <= 4 && inWords * 3 >= letters * 2
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
