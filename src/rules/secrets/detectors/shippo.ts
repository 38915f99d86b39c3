import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** Live tokens only: `shippo_test_` tokens buy no labels. */
export const shippoToken = tokenDetector({
  id: 'secret/shippo-token',
  title: 'Shippo live API token',
  provider: 'Shippo',
  description: 'A Shippo live API token (`shippo_live_` + 40 hex).',
  keywords: ['shippo_live_'],
  pattern: `${B}shippo_live_(?<body>[0-9a-f]{40})${E}`,
  samples: {
    match: () => [`SHIPPO_API_KEY=${['shippo', 'live', fake(40, HEX, 'sh-1')].join('_')}`],
    noMatch: () => [
      ['shippo', 'test', fake(40, HEX, 'sh-2')].join('_'),
      'shippo_live_<token>',
      'shippo_live_' + '0'.repeat(40),
    ],
  },
})
