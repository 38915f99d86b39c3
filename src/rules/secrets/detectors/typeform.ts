import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const typeformToken = tokenDetector({
  id: 'secret/typeform-token',
  title: 'Typeform personal access token',
  provider: 'Typeform',
  description: 'A Typeform personal access token (`tfp_` + 59 characters).',
  keywords: ['tfp_'],
  pattern: `${B}tfp_(?<body>[A-Za-z0-9_-]{59})${E}`,
  samples: {
    match: () => [`TYPEFORM_TOKEN=tfp_${fake(44, B64URL, 'tf-1')}_${fake(14, B64URL, 'tf-2')}`],
    noMatch: () => [
      'TYPEFORM_TOKEN=tfp_' + 'x'.repeat(59),
      'tfp_<token>',
      `tfp_${fake(40, B64URL, 'tf-3')}`,
    ],
  },
})
