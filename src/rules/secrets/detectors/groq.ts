import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const groqApiKey = tokenDetector({
  id: 'secret/groq-api-key',
  title: 'Groq API key',
  provider: 'Groq',
  description: 'A Groq API key (`gsk_` + 52 letters and digits).',
  keywords: ['gsk_'],
  pattern: `${B}gsk_(?<body>[A-Za-z0-9]{52})${E}`,
  samples: {
    match: () => [
      `GROQ_API_KEY=${['gsk', fake(52, ALNUM, 'groq-1')].join('_')}`,
      `new Groq({ apiKey: "${['gsk', fake(20, ALNUM, 'groq-2') + '1234' + fake(28, ALNUM, 'groq-3')].join('_')}" })`,
    ],
    noMatch: () => [
      'gsk_' + 'x'.repeat(52),
      'GROQ_API_KEY=gsk_...',
      ['gsk', fake(48, ALNUM, 'groq-4')].join('_'),
      'if (key.startsWith("gsk_")) provider = "groq"',
    ],
    unverified: () => [
      ['gsk', fake(20, ALNUM, 'groq-5') + 'FakeKey' + fake(25, ALNUM, 'groq-6')].join('_'),
    ],
  },
})
