import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const buildkiteToken = tokenDetector({
  id: 'secret/buildkite-token',
  title: 'Buildkite API access token',
  provider: 'Buildkite',
  description: 'A Buildkite user API access token (`bkua_` + 40 hex characters).',
  keywords: ['bkua_'],
  pattern: `${B}bkua_(?<body>[0-9a-f]{40})${E}`,
  samples: {
    match: () => [`BUILDKITE_API_TOKEN=${['bkua', fake(40, HEX, 'bk-1')].join('_')}`],
    noMatch: () => [
      'bkua_' + 'x'.repeat(40),
      ['bkua', fake(32, HEX, 'bk-2')].join('_'),
      'BUILDKITE_API_TOKEN=bkua_<token>',
    ],
  },
})
