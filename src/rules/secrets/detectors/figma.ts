import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const figmaToken = tokenDetector({
  id: 'secret/figma-token',
  title: 'Figma personal access token',
  provider: 'Figma',
  description: 'A Figma personal access token (`figd_` + 40 characters).',
  keywords: ['figd_'],
  pattern: `${B}figd_(?<body>[A-Za-z0-9_-]{40})${E}`,
  samples: {
    match: () => [`FIGMA_TOKEN=figd_${fake(40, B64URL, 'fg-1')}`],
    noMatch: () => [
      'FIGMA_TOKEN=figd_' + 'x'.repeat(40),
      'FIGMA_TOKEN=figd_<your-token>',
      `figd_${fake(30, B64URL, 'fg-2')}`,
    ],
  },
})
