import { boundDetector, mixed, unboundSamples } from '../kit/keyword-bound.js'
import { B64URL, fake } from '../kit/samples.js'

export const upstashToken = boundDetector({
  id: 'secret/upstash-token',
  title: 'Upstash token',
  provider: 'Upstash',
  description:
    'An Upstash Redis REST token or QStash token (40-200 base64 characters), named as one (`UPSTASH_REDIS_REST_TOKEN`, `QSTASH_TOKEN`) or as `token` inside an Upstash block.',
  near: ['upstash', 'qstash'],
  value: '[A-Za-z0-9_-]{40,200}={0,2}',
  chars: 'A-Za-z0-9_-',
  names: /^(?:upstash(?:redis|vector|kafka)?(?:rest)?|kv(?:rest)?(?:api)?|qstash)token$/,
  generic: /^(?:rest)?token$/,
  verify: (v) => (mixed(v) ? undefined : false),
  samples: {
    match: () => [
      `UPSTASH_REDIS_REST_URL=https://eu1-brave-cat-31337.upstash.io\nUPSTASH_REDIS_REST_TOKEN=A${fake(59, B64URL, 'up-1')}=\n`,
      `new Redis({ url: "https://usw1-x.upstash.io", token: "A${fake(67, B64URL, 'up-2')}" })`,
    ],
    noMatch: () => [
      ...unboundSamples('UPSTASH_REDIS_REST_TOKEN', 'upstash', 'A' + fake(59, B64URL, 'up-3')),
      'UPSTASH_REDIS_REST_TOKEN=********',
    ],
  },
})
