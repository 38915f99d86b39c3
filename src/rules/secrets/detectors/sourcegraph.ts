import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const sourcegraphToken = tokenDetector({
  id: 'secret/sourcegraph-token',
  title: 'Sourcegraph access token',
  provider: 'Sourcegraph',
  description:
    'A Sourcegraph access token (`sgp_`, maybe an instance id of 16 hex characters or `local` and `_`, then 40 hex characters).',
  keywords: ['sgp_'],
  pattern: `${B}sgp_(?:(?:[0-9a-f]{16}|local)_)?(?<body>[0-9a-f]{40})${E}`,
  samples: {
    match: () => [
      `SRC_ACCESS_TOKEN=${['sgp', fake(16, HEX, 'sg-1'), fake(40, HEX, 'sg-2')].join('_')}`,
      `SRC_ACCESS_TOKEN=${['sgp', fake(40, HEX, 'sg-3')].join('_')}`,
    ],
    noMatch: () => ['sgp_' + 'x'.repeat(40), ['sgp', fake(30, HEX, 'sg-4')].join('_')],
  },
})
