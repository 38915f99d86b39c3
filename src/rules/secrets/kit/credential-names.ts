// What makes a key name a credential's, shared by the base64 pass (engine/base64-values.ts) and
// the generic detector (detectors/generic-credential.ts), so both read the same names.

/** Stems of credential names: a key whose name holds one is named like a credential. */
export const CREDENTIAL_STEMS = ['token', 'secret', 'passw', 'pwd', 'auth', 'key', 'cred'] as const

/**
 * The last word of a name that holds a credential itself (lower case, without separators):
 * `STRIPE_SECRET_KEY`, `clientSecret`, `auth-token`, `db.password`. A name that goes on after it
 * names something about the credential (`tokenUrl`, `passwordField`, `secretName`), not the
 * credential; `key` alone is any key (`cacheKey`, `publicKey`).
 */
export const CREDENTIAL_ENDINGS = [
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'auth',
  'authorization',
  'apikey',
  'secretkey',
  'privatekey',
] as const

/**
 * Each ending as names write it: `apiKey`, `api_key`, `api-key`, `API-KEY` (matched ignoring
 * case). `secretkey` is `secret` with a `key` after it, and `authorization` is `auth` going on,
 * which the generic detector's guard allows. `privatekey` is left to the private-key detector (a
 * key is found by its PEM header): its `pri` is in every `print` and `private`.
 */
export const CREDENTIAL_SPELLINGS: readonly string[] = CREDENTIAL_ENDINGS.flatMap((w) => {
  if (w === 'secretkey' || w === 'authorization' || w === 'privatekey') return []
  const two = /^(api)(key)$/.exec(w)
  return two ? [w, `${two[1]}_${two[2]}`, `${two[1]}-${two[2]}`] : [w]
})
