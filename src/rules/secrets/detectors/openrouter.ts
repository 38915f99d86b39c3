import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const openrouterApiKey = tokenDetector({
  id: 'secret/openrouter-api-key',
  title: 'OpenRouter API key',
  provider: 'OpenRouter',
  description: 'An OpenRouter API key (`sk-or-v1-` + 64 hex characters).',
  keywords: ['sk-or-v1-'],
  pattern: `${B}sk-or-v1-(?<body>[0-9a-f]{64})${E}`,
  samples: {
    match: () => [
      `OPENROUTER_API_KEY=${['sk', 'or', 'v1', fake(64, HEX, 'or-1')].join('-')}`,
      `new OpenAI({ baseURL: "https://openrouter.ai/api/v1", apiKey: "${['sk', 'or', 'v1', fake(64, HEX, 'or-2')].join('-')}" })`,
    ],
    noMatch: () => [
      'sk-or-v1-' + 'x'.repeat(64),
      'sk-or-v1-' + '0'.repeat(64),
      ['sk', 'or', 'v1', fake(48, HEX, 'or-3')].join('-'),
      'OPENROUTER_API_KEY=sk-or-v1-...',
    ],
  },
})
