import { boundDetector, mixed, unboundSamples } from '../kit/keyword-bound.js'
import { B64URL, fake } from '../kit/samples.js'

export const fastlyApiToken = boundDetector({
  id: 'secret/fastly-api-token',
  title: 'Fastly API token',
  provider: 'Fastly',
  description:
    'A Fastly API token (32 letters, digits, `_`, `-`), named as one (`FASTLY_API_TOKEN`, `FASTLY_API_KEY`, `Fastly-Key:`) or as `apiToken`/`token` inside a Fastly block.',
  near: ['fastly'],
  value: '[A-Za-z0-9_-]{32}',
  chars: 'A-Za-z0-9_-',
  names: /^fastly(?:api)?(?:token|key)$/,
  generic: /^(?:api)?(?:token|key)$/,
  verify: (v) => (mixed(v) ? undefined : false),
  samples: {
    match: () => [
      `FASTLY_API_TOKEN=${fake(32, B64URL, 'fastly-1')}\n`,
      `curl -H "Fastly-Key: ${fake(32, B64URL, 'fastly-2')}" https://api.fastly.com/service`,
    ],
    noMatch: () => [
      ...unboundSamples('FASTLY_API_TOKEN', 'fastly', fake(32, B64URL, 'fastly-3')),
      `FASTLY_SERVICE_ID=${fake(22, B64URL, 'fastly-4')}`,
      `fastly:\n  service_id: ${fake(22, B64URL, 'fastly-5')}\n  checksum: ${fake(32, '0123456789abcdef', 'fastly-6')}\n`,
    ],
  },
})
