import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const xaiApiKey = tokenDetector({
  id: 'secret/xai-api-key',
  title: 'xAI API key',
  provider: 'xAI',
  description: 'An xAI (Grok) API key (`xai-` + 80 letters and digits).',
  keywords: ['xai-'],
  pattern: `${B}xai-(?<body>[A-Za-z0-9]{80})${E}`,
  samples: {
    match: () => [`XAI_API_KEY=${['xai', fake(80, ALNUM, 'xai-1')].join('-')}`],
    noMatch: () => [
      'xai-' + 'x'.repeat(80),
      ['xai', fake(60, ALNUM, 'xai-2')].join('-'),
      'import { createXai } from "@ai-sdk/xai-provider"',
      'XAI_API_KEY=xai-<your key>',
    ],
  },
})
