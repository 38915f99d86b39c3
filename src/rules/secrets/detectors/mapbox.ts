import { json64 } from '../kit/bound.js'
import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/**
 * Secret tokens only: `sk.` + base64url of `{"u":user,"a":id}` + `.` + 22 characters. Public
 * `pk.` tokens are meant to ship in web maps.
 */
export const mapboxSecretToken = tokenDetector({
  id: 'secret/mapbox-secret-token',
  title: 'Mapbox secret access token',
  provider: 'Mapbox',
  description:
    'A Mapbox secret access token (`sk.` + base64 of `{"u":…,"a":…}` + `.` + 22 characters); public `pk.` tokens are not reported.',
  keywords: ['sk.eyj'],
  pattern: `${B}sk\\.(?<payload>eyJ[A-Za-z0-9_-]{10,300})\\.(?<body>[A-Za-z0-9_-]{22})${E}`,
  verify: (m) => {
    const v = json64(m.groups!.payload)
    return v && 'u' in v ? undefined : 'its payload is not that of a Mapbox token'
  },
  samples: {
    match: () => [`MAPBOX_SECRET_TOKEN=sk.${payload('mb-1')}.${fake(22, B64URL, 'mb-2')}`],
    noMatch: () => [
      `mapboxgl.accessToken = "pk.${payload('mb-3')}.${fake(22, B64URL, 'mb-4')}"`,
      `sk.${payload('mb-5')}.${'x'.repeat(22)}`,
      'MAPBOX_SECRET_TOKEN=sk.eyJ...',
    ],
    unverified: () => [
      `sk.${Buffer.from(JSON.stringify({ z: fake(20, B64URL, 'mb-6') })).toString('base64url')}.${fake(22, B64URL, 'mb-7')}`,
    ],
  },
})

function payload(seed: string): string {
  return Buffer.from(
    JSON.stringify({
      u: 'acme-' + fake(6, 'abcdefghijklmnopqrstuvwxyz', seed),
      a: fake(25, B64URL, `${seed}a`),
    }),
  ).toString('base64url')
}
