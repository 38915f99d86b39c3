import { boundDetector, mixed, unboundSamples } from '../kit/keyword-bound.js'
import { ALNUM, fake } from '../kit/samples.js'

export const mistralApiKey = boundDetector({
  id: 'secret/mistral-api-key',
  title: 'Mistral AI API key',
  provider: 'Mistral AI',
  description:
    'A Mistral AI API key (32 letters and digits), named as one (`MISTRAL_API_KEY`, `mistralApiKey`) or as `apiKey` inside a Mistral block.',
  near: ['mistral'],
  value: '[A-Za-z0-9]{32}',
  chars: 'A-Za-z0-9_-',
  names: /^mistral(?:ai)?(?:api)?key$/,
  generic: /^(?:api)?key$/,
  verify: (v) => (mixed(v) ? undefined : false),
  samples: {
    match: () => [
      `MISTRAL_API_KEY=${fake(32, ALNUM, 'mistral-1')}\n`,
      `const client = new Mistral({ apiKey: '${fake(32, ALNUM, 'mistral-2')}' })`,
    ],
    noMatch: () => [
      ...unboundSamples('MISTRAL_API_KEY', 'mistral', fake(32, ALNUM, 'mistral-3')),
      `model: "mistral-large-latest", requestId: "${fake(32, ALNUM, 'mistral-4')}"`,
    ],
  },
})
