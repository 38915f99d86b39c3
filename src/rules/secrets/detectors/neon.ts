import { fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'

export const neonApiKey = tokenDetector({
  id: 'secret/neon-api-key',
  title: 'Neon API key',
  provider: 'Neon',
  description: 'A Neon API key (`napi_` + 64 lower-case letters and digits).',
  keywords: ['napi_'],
  guards: { napi_: '[a-z0-9]{64}' },
  pattern: `${B}napi_(?<body>[a-z0-9]{64})${E}`,
  verify: (m) => (/[0-9]/.test(m.groups!.body) ? undefined : false),
  samples: {
    match: () => [`NEON_API_KEY=${['napi', fake(64, LOWER_ALNUM, 'neon-1')].join('_')}`],
    noMatch: () => [
      'napi_' + 'x'.repeat(64),
      'napi_create_function(env, name, cb)',
      ['napi', fake(40, LOWER_ALNUM, 'neon-2')].join('_'),
      'NEON_API_KEY=napi_<your-key>',
    ],
  },
})
