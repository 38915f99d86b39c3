import { boundDetector, unboundSamples } from '../kit/keyword-bound.js'
import { fake } from '../kit/samples.js'

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

export const vultrApiKey = boundDetector({
  id: 'secret/vultr-api-key',
  title: 'Vultr API key',
  provider: 'Vultr',
  description:
    'A Vultr API key (36 upper-case letters and digits), named as one (`VULTR_API_KEY`) or as `apiKey` inside a Vultr block.',
  near: ['vultr'],
  value: '[A-Z0-9]{36}',
  chars: 'A-Za-z0-9_-',
  names: /^vultr(?:api)?(?:key|token)$/,
  generic: /^(?:api)?(?:key|token)$/,
  verify: (v) => (/[A-Z]/.test(v) && /[0-9]/.test(v) ? undefined : false),
  samples: {
    match: () => [
      `VULTR_API_KEY=${fake(36, UPPER_ALNUM, 'vultr-1')}\n`,
      `provider "vultr" {\n  api_key = "${fake(36, UPPER_ALNUM, 'vultr-2')}"\n}\n`,
    ],
    noMatch: () => [
      ...unboundSamples('VULTR_API_KEY', 'vultr', fake(36, UPPER_ALNUM, 'vultr-3')),
      `VULTR_API_KEY=${'X'.repeat(36)}`,
    ],
  },
})
