import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const perplexityApiKey = tokenDetector({
  id: 'secret/perplexity-api-key',
  title: 'Perplexity API key',
  provider: 'Perplexity',
  description: 'A Perplexity API key (`pplx-` + 48 letters and digits).',
  keywords: ['pplx-'],
  pattern: `${B}pplx-(?<body>[A-Za-z0-9]{48})${E}`,
  samples: {
    match: () => [`PERPLEXITY_API_KEY=${['pplx', fake(48, ALNUM, 'pplx-1')].join('-')}`],
    noMatch: () => [
      'pplx-' + 'x'.repeat(48),
      ['pplx', fake(32, ALNUM, 'pplx-2')].join('-'),
      'PERPLEXITY_API_KEY=pplx-xxxxxxxx',
    ],
  },
})
