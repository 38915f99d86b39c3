import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const nvidiaApiKey = tokenDetector({
  id: 'secret/nvidia-api-key',
  title: 'NVIDIA API key',
  provider: 'NVIDIA',
  description: 'An NVIDIA NGC / NIM API key (`nvapi-` + 64 base64url characters).',
  keywords: ['nvapi-'],
  pattern: `${B}nvapi-(?<body>[A-Za-z0-9_-]{64})${E}`,
  samples: {
    match: () => [`NVIDIA_API_KEY=${['nvapi', fake(64, B64URL, 'nv-1')].join('-')}`],
    noMatch: () => [
      'nvapi-' + 'x'.repeat(64),
      ['nvapi', fake(40, B64URL, 'nv-2')].join('-'),
      'NVIDIA_API_KEY=nvapi-...',
    ],
  },
})
