import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const prefectApiKey = tokenDetector({
  id: 'secret/prefect-api-key',
  title: 'Prefect Cloud API key',
  provider: 'Prefect',
  description: 'A Prefect Cloud API key (`pnu_` + 36 letters and digits).',
  keywords: ['pnu_'],
  pattern: `${B}pnu_(?<body>[A-Za-z0-9]{36})${E}`,
  samples: {
    match: () => [`PREFECT_API_KEY=${['pnu', fake(36, ALNUM, 'pnu-1')].join('_')}`],
    noMatch: () => ['pnu_' + 'x'.repeat(36), ['pnu', fake(20, ALNUM, 'pnu-2')].join('_')],
  },
})
