import { boundDetector, hexish, unboundSamples } from '../kit/keyword-bound.js'
import { B64URL, fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const togetherApiKey = tokenDetector({
  id: 'secret/together-api-key',
  title: 'Together AI API key',
  provider: 'Together AI',
  description: 'A Together AI API key (`tgp_v1_` + 43 base64url characters).',
  keywords: ['tgp_v1_'],
  pattern: `${B}tgp_v1_(?<body>[A-Za-z0-9_-]{43})${E}`,
  samples: {
    match: () => [`TOGETHER_API_KEY=${['tgp', 'v1', fake(43, B64URL, 'tg-1')].join('_')}`],
    noMatch: () => [
      'tgp_v1_' + 'x'.repeat(43),
      ['tgp', 'v1', fake(30, B64URL, 'tg-2')].join('_'),
      'TOGETHER_API_KEY=tgp_v1_...',
    ],
  },
})

/** Keys made before the prefix: 64 hex characters, bound to Together AI by name or block. */
export const togetherLegacyApiKey = boundDetector({
  id: 'secret/together-legacy-api-key',
  title: 'Together AI API key (unprefixed)',
  provider: 'Together AI',
  description:
    'A Together AI API key made before the prefix (64 hex characters), named as one (`TOGETHER_API_KEY`, `togetherApiKey`) or as `apiKey` inside a Together block.',
  near: [
    'together_',
    'togetherai',
    'togetherapi',
    'together.xyz',
    'together.ai',
    'together(',
    'together:',
  ],
  value: '[0-9a-f]{64}',
  chars: 'A-Za-z0-9_-',
  names: /^together(?:ai)?(?:api)?key$/,
  generic: /^(?:api)?key$/,
  verify: (v) => (hexish(v) ? undefined : false),
  samples: {
    match: () => [
      `TOGETHER_API_KEY=${fake(64, HEX, 'tg-3')}\n`,
      `const together = new Together({ apiKey: "${fake(64, HEX, 'tg-4')}" })`,
    ],
    noMatch: () => [
      ...unboundSamples('TOGETHER_API_KEY', 'together_', fake(64, HEX, 'tg-5')),
      `TOGETHER_API_KEY=${'0'.repeat(64)}`,
      `// we work together: ${fake(64, HEX, 'tg-6')}`,
    ],
  },
})
