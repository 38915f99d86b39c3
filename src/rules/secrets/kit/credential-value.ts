import { isConfigFile } from '../engine/base64-values.js'
import type { Hit } from '../engine/types.js'
import { doubt, madeOfWords } from './placeholder.js'
import { docsOrTests, inDocComment } from './places.js'

// Whether a literal assigned to a credential-named key is itself a credential. Most such
// literals in shipped code are not: labels (`password: "Password"`), lookups (`${TOKEN}`,
// `process.env.X`), references (`config.apiKey`), digests and ids. What is left must look
// generated: long enough, several kinds of characters, and high entropy.

/** How a value is judged: a password may be short when it mixes kinds of characters. */
export type ValueKind = 'password' | 'other'

/** `placeholder` and `no` drop the value; `test` makes it unverified; undefined: a credential. */
export type ValueVerdict = 'no' | 'placeholder' | 'test' | undefined

/**
 * Hex digests (MD5, SHA-1, SHA-256, SHA-384, SHA-512): checksums, not credentials; behind a
 * two-letter type (Twilio's `AC…`, `SK…`), an id.
 */
const DIGEST =
  /^(?:[A-Z]{2})?(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i
/** Subresource integrity (`sha512-…`) and crypt hashes (`$2b$…` bcrypt, `$argon2id$`, `$6$`). */
const HASHED =
  /^(?:(?:sha(?:1|256|384|512)|md5)-|\$(?:2[abxy]?|argon2(?:id|i|d)|[156]|pbkdf2[\w-]*|scrypt)\$)/i
/** An Ethereum address (`0x` and 40 hex digits): public. */
const ADDRESS = /^0x[0-9a-fA-F]{40}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Lookups and template slots: `$VAR`, `${VAR}`, `%VAR%`, `{{ .Values.x }}`, `#{x}`, `process.env.X`, `os.environ[...]`. */
const LOOKUP =
  /^(?:\$[{(]?[A-Za-z_]|%[A-Za-z_]\w*%|\{\{|#\{|@\{|process\.env|import\.meta\.env|os\.environ|os\.getenv|ENV\[|System\.getenv)/
/** A reference (`config.apiKey`, `this.token`, `a.b.c`), a host or a file name: dotted words. */
const DOTTED = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+$/
/** URLs and paths. */
const URL_OR_PATH = /:\/\/|^(?:[~.]{0,2}\/|[A-Za-z]:\\)|\\/
/** Example files and folders (`apis/s3.examples.json`, `examples/`): what they hold is an example. */
const EXAMPLES = /example/i
/** Names a label or a field would have: the value names a credential instead of being one. */
const LABEL = /token|secret|passw|api[_-]?key|bearer/i

const counts = new Uint32Array(256)

/** Shannon entropy, bits per character (of latin1 text, as the scanner reads it). */
export function entropy(s: string): number {
  counts.fill(0)
  for (let i = 0; i < s.length; i++) counts[s.charCodeAt(i) & 0xff]++
  let h = 0
  for (let c = 0; c < 256; c++) {
    if (!counts[c]) continue
    const p = counts[c] / s.length
    h -= p * Math.log2(p)
  }
  return h
}

/** How many kinds of characters: lower case, upper case, digits, others. */
export function kinds(s: string): number {
  return (
    Number(/[a-z]/.test(s)) +
    Number(/[A-Z]/.test(s)) +
    Number(/[0-9]/.test(s)) +
    Number(/[^A-Za-z0-9]/.test(s))
  )
}

/** Shortest credential judged, by kind: a password of 8 mixed characters, anything else 16. */
export const MIN_LENGTH: Record<ValueKind, number> = { password: 8, other: 16 }
/** Least entropy (bits a character) of a credential: what keeps real packages quiet. */
const MIN_ENTROPY: Record<ValueKind, number> = { password: 2.75, other: 3.2 }
/** Least kinds of characters. */
const MIN_KINDS: Record<ValueKind, number> = { password: 3, other: 2 }

/** Judges a literal assigned to a credential-named key. */
export function judgeCredential(value: string, kind: ValueKind): ValueVerdict {
  if (value.length < MIN_LENGTH[kind] || value.length > 256 || /[^\x21-\x7e]/.test(value))
    return 'no'
  if (
    DIGEST.test(value) ||
    HASHED.test(value) ||
    UUID.test(value) ||
    ADDRESS.test(value) ||
    LOOKUP.test(value) ||
    DOTTED.test(value) ||
    URL_OR_PATH.test(value) ||
    LABEL.test(value) ||
    value.startsWith('eyJ') // a JWT: the jwt detector judges those
  )
    return 'no'
  if (kinds(value) < MIN_KINDS[kind] || entropy(value) < MIN_ENTROPY[kind]) return 'no'
  const d = doubt(value)
  if (d === 'placeholder') return d
  // `SomeLongIdentifierName`, `PAYMENT_GATEWAY`: words, not generated
  if (kind === 'other' && madeOfWords(value)) return 'no'
  return d
}

/**
 * The hit for a literal at `start` of a file, judged: none when it is no credential; unverified
 * when it looks like a test value or sits in test code. A base64 literal of text (a Secret's
 * `data:`, a config's `password: czNjcjN0…`) is judged by the text it stands for.
 */
export function credentialHit(
  value: string,
  start: number,
  kind: ValueKind,
  where: { text: string; file: string; name?: string; manifest?: boolean },
): Hit | undefined {
  const decoded = decodedText(value)
  // In a config file the base64 pass decodes such a value and every detector judges the text:
  // a provider token inside is found there, so the literal is not reported twice. A
  // Kubernetes Secret's values are judged here, whatever their names.
  if (decoded !== undefined && isConfigFile(where.file) && !where.manifest) return undefined
  const judged = decoded ?? value
  // an enum-like constant: `CLIENT_AUTH = "client_auth"`
  if (where.name && judged.replace(/[^A-Za-z0-9]/g, '').toLowerCase() === where.name)
    return undefined
  const verdict = judgeCredential(judged, decoded !== undefined ? 'password' : kind)
  if (verdict === 'no' || verdict === 'placeholder') return undefined
  const hit: Hit = { start, end: start + value.length, value, shown: 0 }
  const place = docsOrTests(where.file)
  if (verdict === 'test') hit.unverified = 'looks like a test value'
  else if (place === 'test code') hit.unverified = 'in test code'
  else if (place || EXAMPLES.test(where.file) || inDocComment(where.text, start))
    hit.unverified = 'an example in documentation'
  return hit
}

/** The text a base64 value stands for, when it is base64 of printable text (lines too) of 8 or more. */
export function decodedText(value: string): string | undefined {
  if (value.length < 12 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value))
    return undefined
  const text = Buffer.from(value, 'base64').toString('latin1')
  return /^[\x20-\x7e\t\r\n]{8,}$/.test(text) ? text : undefined
}
