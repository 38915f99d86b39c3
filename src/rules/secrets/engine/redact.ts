import { createHash } from 'node:crypto'

/**
 * A fixed packguard constant, not a secret: it makes the hashes packguard's own (so a hash here
 * cannot be matched against a plain sha256 table) while keeping fingerprints stable across runs.
 */
export const EVIDENCE_SALT = 'packguard/secret-evidence/v1'

/** Salted sha256 of a secret, shortened: enough to tell two secrets apart, useless to rebuild one. */
export function secretHash(value: string): string {
  return createHash('sha256')
    .update(`${EVIDENCE_SALT}\0`)
    .update(value, 'latin1')
    .digest('hex')
    .slice(0, 12)
}

/**
 * What a report may show of a secret: at most its public prefix (4 characters or fewer), its
 * length and its salted hash, e.g. `ghp_… (40 chars, sha256:1a2b3c4d5e6f)`.
 */
export function redact(value: string, shown = 0, hash = secretHash(value)): string {
  const prefix = value.slice(0, Math.max(0, Math.min(4, shown, value.length - 8)))
  return `${prefix}… (${value.length} chars, sha256:${hash})`
}
