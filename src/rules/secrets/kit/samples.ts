import { crcChecksum } from './checksum.js'
import { doubt } from './placeholder.js'

// Builders for detector samples. Samples are assembled at test time from pieces, so no file in
// the repository holds a secret-looking literal (GitHub push protection, and our own rules).

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
export const LOWER = 'abcdefghijklmnopqrstuvwxyz'
export const DIGITS = '0123456789'
export const LETTERS = UPPER + LOWER
export const ALNUM = LETTERS + DIGITS
export const HEX = '0123456789abcdef'
export const BASE32 = UPPER + '234567'
export const B64 = ALNUM + '+/'
export const B64URL = ALNUM + '-_'

/**
 * A deterministic random string: the same `seed` always gives the same value, and the value
 * never looks made up to `doubt()` (so a must-match sample cannot fail by chance).
 */
export function fake(length: number, alphabet: string, seed: string): string {
  let state = 2166136261
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 16777619)
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  for (;;) {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)]
    if (length < 8 || doubt(out) === undefined) return out
  }
}

/** A GitHub / npm style token: prefix, 30 random characters and their valid CRC-32 checksum. */
export function checksummed(prefix: string, seed: string): string {
  const random = fake(30, ALNUM, seed)
  return prefix + random + crcChecksum(random)
}

/** The same shape with a checksum that does not match. */
export function badChecksum(prefix: string, seed: string): string {
  const token = checksummed(prefix, seed)
  const last = token.at(-1) === 'A' ? 'B' : 'A'
  return token.slice(0, -1) + last
}

/** base64url of a JSON value, for building JWT samples. */
export function b64json(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}
