import { matchAt, type ScanContext } from '../engine/context.js'
import { readOpenssh } from './openssh.js'
import { doubt } from './placeholder.js'

/** A private key block as found in text: where it is, what it is, its base64 body. */
export interface KeyBlock {
  start: number
  end: number
  label: string
  /** The base64 body, line breaks and armor headers removed: the secret. */
  body: string
  /** Set when the body is base64 but does not parse as the declared format. */
  problem?: string
}

const LABELS: Record<string, string> = {
  'RSA PRIVATE KEY': 'RSA private key',
  'EC PRIVATE KEY': 'EC private key',
  'DSA PRIVATE KEY': 'DSA private key',
  'OPENSSH PRIVATE KEY': 'OpenSSH private key',
  'PRIVATE KEY': 'PKCS#8 private key',
  'ENCRYPTED PRIVATE KEY': 'encrypted PKCS#8 private key',
  'PGP PRIVATE KEY BLOCK': 'PGP private key block',
}

const HEADER =
  /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY|PGP PRIVATE KEY BLOCK)-----/y
/** A line break, real or escaped inside a string literal (`\n`, `\\n`, `\r\n`). */
export const LINE_BREAK = /\\{1,4}(?:r\\{1,4})?n|\r?\n|\r/
const MAX_BODY = 20000
/** Shortest real key body: an Ed25519 PKCS#8 key is 64 base64 characters. */
const MIN_BODY = 64

/**
 * Reads a PEM private key block at `at` (where `-----BEGIN ` is). Undefined when it only
 * mentions the format: no footer, an empty, short or non-base64 body, a placeholder body.
 */
export function readPemKey(text: string, at: number, ctx: ScanContext): KeyBlock | undefined {
  const m = matchAt(HEADER, text, at)
  if (!m) return undefined
  const type = m[1]
  const bodyStart = at + m[0].length
  const footerAt = ctx.nextIndexOf('-----END ', bodyStart)
  const footer = `-----END ${type}-----`
  if (footerAt < 0 || footerAt - bodyStart > MAX_BODY || !text.startsWith(footer, footerAt))
    return undefined
  const parsed = armoredBody(text.slice(bodyStart, footerAt), type.startsWith('PGP'))
  if (!parsed) return undefined
  const der = Buffer.from(parsed.body, 'base64')
  const ssh = type === 'OPENSSH PRIVATE KEY'
  const openssh = ssh ? readOpenssh(der) : undefined
  const encrypted = openssh?.encrypted ?? /^Proc-Type:\s*4,\s*ENCRYPTED/im.test(parsed.headers)
  const label = (encrypted ? 'encrypted ' : '') + LABELS[type]
  const block: KeyBlock = { start: at, end: footerAt + footer.length, label, body: parsed.body }
  if (!encrypted && !(ssh ? openssh : wellFormed(type, der)))
    block.problem = `its body does not parse as ${LABELS[type]}`
  return block
}

/**
 * Splits an armored body into header lines (`Proc-Type:`, `Version:`) and base64; undefined
 * unless everything else is base64 of a plausible length. `pgp` drops the `=XXXX` checksum line.
 */
export function armoredBody(
  raw: string,
  pgp: boolean,
): { headers: string; body: string } | undefined {
  if (raw.includes('-----')) return undefined
  let headers = ''
  const chunks: string[] = []
  for (const line of raw.split(LINE_BREAK)) {
    if (line.includes(':')) {
      if (chunks.length > 0) return undefined
      headers += line + '\n'
      continue
    }
    for (const chunk of line.split(/[ \t]+/)) {
      if (chunk === '') continue
      if (pgp && /^=[A-Za-z0-9+/]{4}$/.test(chunk)) continue
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(chunk)) return undefined
      chunks.push(chunk)
    }
  }
  const body = chunks.join('')
  if (body.length < MIN_BODY || doubt(body) === 'placeholder') return undefined
  return { headers, body }
}

/** Whether a PEM or PGP body parses as its type says (OpenSSH keys: see readOpenssh). */
function wellFormed(type: string, der: Buffer): boolean {
  if (type === 'PGP PRIVATE KEY BLOCK') return pgpSecretKeyPacket(der[0] ?? 0)
  return derSequence(der)
}

/** A DER SEQUENCE whose declared length is exactly the data (PKCS#1, SEC1, PKCS#8, DSA). */
function derSequence(der: Buffer): boolean {
  if (der.length < 2 || der[0] !== 0x30) return false
  let length = der[1]
  let header = 2
  if (length & 0x80) {
    const n = length & 0x7f
    if (n < 1 || n > 3 || der.length < 2 + n) return false
    length = 0
    for (let i = 0; i < n; i++) length = length * 256 + der[2 + i]
    header += n
  }
  return header + length === der.length
}

/** The first OpenPGP packet of a private key block is a secret-key packet (tag 5). */
function pgpSecretKeyPacket(first: number): boolean {
  if (!(first & 0x80)) return false
  const tag = first & 0x40 ? first & 0x3f : (first >> 2) & 0x0f
  return tag === 5
}
