import { fake, HEX } from '../kit/samples.js'
import { B, tokenDetector } from '../kit/token.js'

/** A service account token is `ops_` and the base64 of a JSON object (sign-in address, keys). */
function decodesToObject(b64: string): string | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'))
    return v && typeof v === 'object' && !Array.isArray(v)
      ? undefined
      : 'it does not decode to a token'
  } catch {
    return 'it does not decode to a token'
  }
}

const token = (seed: string) =>
  'ops_' +
  Buffer.from(
    JSON.stringify({
      signInAddress: 'my.1password.com',
      userAuth: {
        method: 'SRPg-4096',
        alg: 'PBES2g-HS256',
        iterations: 650000,
        salt: fake(22, HEX, seed),
      },
      email: `${fake(10, 'abcdefghijklmnopqrstuvwxyz', seed)}@1passwordserviceaccounts.com`,
      srpX: fake(64, HEX, seed + 'x'),
      muk: {
        alg: 'A256GCM',
        ext: true,
        k: fake(43, HEX, seed + 'k'),
        key_ops: ['encrypt', 'decrypt'],
        kty: 'oct',
        kid: 'mp',
      },
    }),
  ).toString('base64')

export const onepasswordServiceAccountToken = tokenDetector({
  id: 'secret/1password-service-account-token',
  title: '1Password service account token',
  provider: '1Password',
  description:
    'A 1Password service account token (`ops_` + the base64 of a JSON object, 250 characters or more), which reads every vault the account is granted.',
  keywords: ['ops_eyj'],
  pattern: `${B}ops_(?<body>eyJ[A-Za-z0-9+/]{250,4000}={0,2})(?![A-Za-z0-9+/=_-])`,
  verify: (m) => decodesToObject(m.groups!.body),
  samples: {
    match: () => [`OP_SERVICE_ACCOUNT_TOKEN=${token('op-1')}`],
    noMatch: () => ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...', 'OP_SERVICE_ACCOUNT_TOKEN=ops_<token>'],
    unverified: () => [
      `OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ${fake(300, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 'op-2')}`,
    ],
  },
})
