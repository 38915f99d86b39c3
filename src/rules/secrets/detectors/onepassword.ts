import { json64 } from '../kit/bound.js'
import { ALNUM, B64URL, fake } from '../kit/samples.js'
import { B, tokenDetector } from '../kit/token.js'

/** Base64 of a JSON object with the account's sign-in address and the keys to unlock it. */
export const onepasswordServiceAccountToken = tokenDetector({
  id: 'secret/1password-service-account-token',
  title: '1Password service account token',
  provider: '1Password',
  description:
    'A 1Password service account token (`ops_` + base64 of a JSON object with `signInAddress`, `email` and its unlock keys).',
  keywords: ['ops_eyj'],
  pattern: `${B}ops_(?<body>eyJ[A-Za-z0-9+/_-]{200,3000}={0,2})(?![A-Za-z0-9+/=_-])`,
  verify: (m) => {
    const v = json64(m.groups!.body)
    if (!v) return false
    return 'signInAddress' in v && ('secretKey' in v || 'muk' in v || 'srpX' in v)
      ? undefined
      : 'its body lacks the fields of a service account token'
  },
  samples: {
    match: () => [`OP_SERVICE_ACCOUNT_TOKEN=ops_${opsBody('op-1')}`],
    noMatch: () => ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...', 'OP_SERVICE_ACCOUNT_TOKEN=ops_<token>'],
    unverified: () => [
      'ops_' + Buffer.from(JSON.stringify({ note: fake(200, ALNUM, 'op-2') })).toString('base64'),
    ],
  },
})

function opsBody(seed: string): string {
  const v = {
    signInAddress: 'acme.1password.com',
    userAuth: {
      method: 'SRPg-4096',
      alg: 'PBES2g-HS256',
      iterations: 650000,
      salt: fake(22, B64URL, seed),
    },
    email: `${fake(13, 'abcdefghijklmnopqrstuvwxyz', seed)}@1passwordserviceaccounts.com`,
    srpX: fake(64, '0123456789abcdef', `${seed}-x`),
    muk: {
      alg: 'A256GCM',
      ext: true,
      k: fake(43, B64URL, `${seed}-k`),
      key_ops: ['decrypt', 'encrypt'],
      kty: 'oct',
      kid: 'mp',
    },
    secretKey: `A3-${fake(6, 'ABCDEFGHJKLMNPQRSTVWXYZ23456789', seed)}-${fake(6, 'ABCDEFGHJKLMNPQRSTVWXYZ23456789', `${seed}a`)}`,
    throttleSecret: {
      seed: fake(64, '0123456789abcdef', `${seed}-t`),
      deviceUuid: fake(26, 'abcdefghijklmnopqrstuvwxyz0123456789', `${seed}-d`),
    },
    deviceUuid: fake(26, 'abcdefghijklmnopqrstuvwxyz0123456789', `${seed}-d`),
  }
  return Buffer.from(JSON.stringify(v)).toString('base64').replace(/=+$/, '')
}
