/**
 * Values of secret-named keys in config files that are base64 once more (`token: Z2hwXz...`, a
 * kubeconfig's `client-key-data`, a Kubernetes Secret's `data:`): decoded, they are scanned like
 * any text. Only config files are looked at, and only values of keys named like a credential,
 * so ordinary files cost nothing; a decoded value is reported only when a detector finds a
 * secret in it, so base64 that decodes to anything else stays silent.
 */

import { CREDENTIAL_STEMS } from '../kit/credential-names.js'

/** Config files by name: YAML, JSON, TOML, INI, properties, env and rc files. */
const CONFIG =
  /\.(ya?ml|json|toml|ini|cfg|conf|properties|env|xml|plist|tfvars)$|(^|\/)\.?[\w.-]*(rc|env)(\.[\w.-]+)?$/i

/**
 * A `:` or `=`, then a base64 (or base64url) value, quoted or not, of bounded length (a greedy
 * run over a megabyte blob costs the regex engine a backtrack entry per character; a kubeconfig
 * key is a few KB). Starting at `:` or `=` keeps the pass fast: about 1 ns a byte on JSON.
 */
const VALUE = /[:=][ \t]*["']?([A-Za-z0-9+/_-]{16,8192}={0,2})(?![A-Za-z0-9+/=_-])/g
/** The key just before it is named like a credential. */
const KEY = new RegExp(`(?:${CREDENTIAL_STEMS.join('|')})[\\w.-]{0,40}["']?[ \\t]*$`, 'i')

/** The shortest decoded text worth scanning (the shortest token is longer). */
const MIN_DECODED = 12

export function isConfigFile(file: string): boolean {
  return CONFIG.test(file)
}

/** Each base64 value of a credential-named key that decodes to text, with its line. */
export function* base64Values(text: string): Generator<{ line: number; decoded: string }> {
  let line = 1
  let counted = 0
  VALUE.lastIndex = 0
  for (let m = VALUE.exec(text); m; m = VALUE.exec(text)) {
    const key = text.slice(Math.max(0, m.index - 60), m.index)
    // A kubeconfig's client key has its own detector (secret/kubeconfig-client-key).
    if (!KEY.test(key) || /client-key-data["']?[ \t]*$/.test(key)) continue
    const decoded = Buffer.from(
      m[1],
      m[1].includes('-') || m[1].includes('_') ? 'base64url' : 'base64',
    )
    if (decoded.length < MIN_DECODED || !mostlyText(decoded)) continue
    for (let i = text.indexOf('\n', counted); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1))
      line++
    counted = m.index
    yield { line, decoded: decoded.toString('latin1') }
  }
}

/**
 * Printable ASCII and line breaks, all but a few bytes: text, not a random key's bytes. Text
 * from its first byte: a prefixed token (`ops_eyJ…`) decodes to text only after its prefix, and
 * is its provider's to judge, not encoded text.
 */
function mostlyText(b: Buffer): boolean {
  for (let i = 0; i < 3; i++)
    if ((b[i] < 0x20 && b[i] !== 0x09 && b[i] !== 0x0a) || b[i] > 0x7e) return false
  let bad = 0
  for (const c of b) if ((c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) || c > 0x7e) bad++
  return bad <= b.length / 20
}
