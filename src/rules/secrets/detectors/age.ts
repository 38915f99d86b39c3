import { fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]

function polymod(values: number[]): number {
  let chk = 1
  for (const v of values) {
    const top = chk >>> 25
    chk = ((chk & 0x1ffffff) << 5) ^ v
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i]
  }
  return chk
}

const expand = (hrp: string) => [
  ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
  0,
  ...[...hrp].map((c) => c.charCodeAt(0) & 31),
]

/** Whether a bech32 string (`hrp` `1` data) carries a valid checksum. */
export function bech32Valid(s: string): boolean {
  const lower = s.toLowerCase()
  const sep = lower.lastIndexOf('1')
  const data = [...lower.slice(sep + 1)].map((c) => CHARSET.indexOf(c))
  if (sep < 1 || data.some((d) => d < 0)) return false
  return polymod([...expand(lower.slice(0, sep)), ...data]) === 1
}

/** Builds a bech32 string with a valid checksum, for samples. */
function bech32(hrp: string, data: number[]): string {
  const mod = polymod([...expand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1
  const sum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31)
  return `${hrp}1${[...data, ...sum].map((d) => CHARSET[d]).join('')}`
}

const secretKey = (seed: string) =>
  bech32(
    'age-secret-key-',
    [...fake(52, CHARSET, seed)].map((c) => CHARSET.indexOf(c)),
  ).toUpperCase()

/** age identities are bech32 (`AGE-SECRET-KEY-1` + 58 characters) with a checksum. */
export const ageSecretKey = tokenDetector({
  id: 'secret/age-secret-key',
  title: 'age secret key',
  provider: 'age',
  description: 'An age encryption identity (`AGE-SECRET-KEY-1…`) with a valid bech32 checksum.',
  keywords: ['age-secret-key-1'],
  pattern: `${B}AGE-SECRET-KEY-1(?<body>[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})${E}`,
  checksum: true,
  verify: (m) => (bech32Valid(m[0]) ? undefined : 'its checksum does not match'),
  samples: {
    match: () => [`# created: 2024-01-01\n${secretKey('age-1')}\n`],
    noMatch: () => ['AGE-SECRET-KEY-1' + 'Q'.repeat(58), 'AGE-SECRET-KEY-1...'],
    unverified: () => [
      secretKey('age-2').slice(0, -1) + (secretKey('age-2').endsWith('Q') ? 'P' : 'Q'),
    ],
  },
})
