import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const frameioToken = tokenDetector({
  id: 'secret/frameio-token',
  title: 'Frame.io developer token',
  provider: 'Frame.io',
  description: 'A Frame.io developer token (`fio-u-` + 64 characters).',
  keywords: ['fio-u-'],
  pattern: `${B}fio-u-(?<body>[A-Za-z0-9_=-]{64})${E}`,
  samples: {
    match: () => [`FRAMEIO_TOKEN=fio-u-${fake(64, B64URL, 'fi-1')}`],
    noMatch: () => [
      'fio-u-' + 'x'.repeat(64),
      'FRAMEIO_TOKEN=fio-u-<token>',
      `fio-u-${fake(40, B64URL, 'fi-2')}`,
    ],
  },
})
