import { boundDetector, hexish, unboundSamples } from '../kit/keyword-bound.js'
import { fake, HEX } from '../kit/samples.js'

export const deepgramApiKey = boundDetector({
  id: 'secret/deepgram-api-key',
  title: 'Deepgram API key',
  provider: 'Deepgram',
  description:
    'A Deepgram API key (40 hex characters), named as one (`DEEPGRAM_API_KEY`) or as `apiKey`/`key` inside a Deepgram block.',
  near: ['deepgram'],
  value: '[0-9a-f]{40}',
  chars: 'A-Za-z0-9_-',
  names: /^deepgram(?:api)?(?:key|token)$/,
  generic: /^(?:api)?key$/,
  verify: (v) => (hexish(v) ? undefined : false),
  samples: {
    match: () => [
      `DEEPGRAM_API_KEY=${fake(40, HEX, 'dg-1')}\n`,
      `const deepgram = createClient({ key: "${fake(40, HEX, 'dg-2')}" })`,
    ],
    noMatch: () => [...unboundSamples('DEEPGRAM_API_KEY', 'deepgram', fake(40, HEX, 'dg-3'))],
  },
})
