import { boundDetector, mixed, unboundSamples } from '../kit/keyword-bound.js'
import { ALNUM, fake } from '../kit/samples.js'

export const cohereApiKey = boundDetector({
  id: 'secret/cohere-api-key',
  title: 'Cohere API key',
  provider: 'Cohere',
  description:
    'A Cohere API key (40 letters and digits), named as one (`COHERE_API_KEY`, `CO_API_KEY`) or as `apiKey`/`token` inside a Cohere block.',
  near: ['cohere', 'co_api_key'],
  value: '[A-Za-z0-9]{40}',
  chars: 'A-Za-z0-9_-',
  names: /^(?:cohere|co)(?:api)?(?:key|token)$/,
  generic: /^(?:api)?(?:key|token)$/,
  verify: (v) => (mixed(v) ? undefined : false),
  samples: {
    match: () => [
      `COHERE_API_KEY=${fake(40, ALNUM, 'cohere-1')}\n`,
      `const co = new CohereClient({ token: "${fake(40, ALNUM, 'cohere-2')}" })`,
    ],
    noMatch: () => [...unboundSamples('COHERE_API_KEY', 'cohere', fake(40, ALNUM, 'cohere-3'))],
  },
})
