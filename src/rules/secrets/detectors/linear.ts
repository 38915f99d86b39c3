import { ALNUM, fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const linearApiKey = tokenDetector({
  id: 'secret/linear-api-key',
  title: 'Linear API key',
  provider: 'Linear',
  description:
    'A Linear personal API key (`lin_api_` + 40 letters and digits) or OAuth token (`lin_oauth_` + 64 hex).',
  keywords: ['lin_api_', 'lin_oauth_'],
  pattern: `${B}lin_(?:api_(?<body>[A-Za-z0-9]{40})|oauth_(?<oauth>[0-9a-f]{64}))${E}`,
  label: (m) => (m.groups!.oauth ? 'Linear OAuth access token' : undefined),
  samples: {
    match: () => [
      `LINEAR_API_KEY=${['lin', 'api', fake(40, ALNUM, 'ln-1')].join('_')}`,
      ['lin', 'oauth', fake(64, HEX, 'ln-2')].join('_'),
    ],
    noMatch: () => [
      'lin_api_' + 'x'.repeat(40),
      'LINEAR_API_KEY=lin_api_...',
      ['lin', 'api', fake(32, ALNUM, 'ln-3')].join('_'),
    ],
  },
})
