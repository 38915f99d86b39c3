import { boundDetector } from '../kit/keyword-bound.js'
import { B64URL, fake } from '../kit/samples.js'

/** `r8_` is too short to look for alone: a token is found near the word Replicate. */
export const replicateApiToken = boundDetector({
  id: 'secret/replicate-api-token',
  title: 'Replicate API token',
  provider: 'Replicate',
  description: 'A Replicate API token (`r8_` + 37 characters) near the word Replicate.',
  near: ['replicate'],
  before: 512,
  after: 512,
  value: 'r8_[A-Za-z0-9_-]{37}',
  chars: 'A-Za-z0-9_-',
  anywhere: true,
  verify: (v) => (/[0-9]/.test(v.slice(3)) && /[A-Za-z]/.test(v.slice(3)) ? undefined : false),
  samples: {
    match: () => [
      `REPLICATE_API_TOKEN=${['r8', fake(37, B64URL, 'r8-1')].join('_')}`,
      `const replicate = new Replicate({ auth: "${['r8', fake(37, B64URL, 'r8-2')].join('_')}" })`,
    ],
    noMatch: () => [
      `REPLICATE_API_TOKEN=r8_${'x'.repeat(37)}`,
      'REPLICATE_API_TOKEN=r8_...',
      ['r8', fake(37, B64URL, 'r8-3')].join('_'),
    ],
  },
})
