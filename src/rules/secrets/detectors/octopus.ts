import { boundDetector } from '../kit/keyword-bound.js'
import { fake } from '../kit/samples.js'

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** `API-` alone is everywhere in code: a key is found near the word Octopus. */
export const octopusApiKey = boundDetector({
  id: 'secret/octopus-deploy-api-key',
  title: 'Octopus Deploy API key',
  provider: 'Octopus Deploy',
  description:
    'An Octopus Deploy API key (`API-` + 26-34 upper-case letters and digits) near the word Octopus.',
  near: ['octopus'],
  before: 512,
  after: 512,
  value: 'API-[A-Z0-9]{26,34}',
  chars: 'A-Za-z0-9_-',
  anywhere: true,
  verify: (v) => (/[0-9]/.test(v.slice(4)) && /[A-Z]/.test(v.slice(4)) ? undefined : false),
  samples: {
    match: () => [
      `OCTOPUS_URL=https://acme.octopus.app\nOCTOPUS_API_KEY=API-${fake(26, UPPER_ALNUM, 'octo-1')}\n`,
      `octo push --package app.1.0.0.zip --server https://acme.octopus.app --apiKey API-${fake(32, UPPER_ALNUM, 'octo-2')}`,
    ],
    noMatch: () => [
      `OCTOPUS_API_KEY=API-${'X'.repeat(26)}`,
      'OCTOPUS_API_KEY=API-XXXXXXXXXXXXXXXXXXXXXXXXXX',
      `API-${fake(26, UPPER_ALNUM, 'octo-3')}`,
      'octopus: { "API-VERSION": "2023-01-01" }',
    ],
  },
})
