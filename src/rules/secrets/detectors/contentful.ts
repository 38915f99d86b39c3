import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const contentfulToken = tokenDetector({
  id: 'secret/contentful-token',
  title: 'Contentful personal access token',
  provider: 'Contentful',
  description: 'A Contentful management personal access token (`CFPAT-` + 43 characters).',
  keywords: ['cfpat-'],
  pattern: `${B}CFPAT-(?<body>[A-Za-z0-9_-]{43})${E}`,
  samples: {
    match: () => [`CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-${fake(43, B64URL, 'cf-1')}`],
    noMatch: () => [
      'CFPAT-' + 'x'.repeat(43),
      'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-<token>',
      `CFPAT-${fake(40, B64URL, 'cf-2')}`,
    ],
  },
})
