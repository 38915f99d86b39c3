import { mixed } from '../kit/keyword-bound.js'
import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const netlifyToken = tokenDetector({
  id: 'secret/netlify-token',
  title: 'Netlify personal access token',
  provider: 'Netlify',
  description: 'A Netlify personal access token (`nfp_` + 36-40 letters and digits).',
  keywords: ['nfp_'],
  pattern: `${B}nfp_(?<body>[A-Za-z0-9]{36,40})${E}`,
  verify: (m) => (mixed(m.groups!.body) ? undefined : false),
  samples: {
    match: () => [
      `NETLIFY_AUTH_TOKEN=${['nfp', fake(36, ALNUM, 'nf-1')].join('_')}`,
      `netlify deploy --auth ${['nfp', fake(40, ALNUM, 'nf-2')].join('_')}`,
    ],
    noMatch: () => [
      'NETLIFY_AUTH_TOKEN=nfp_' + 'x'.repeat(36),
      ['nfp', fake(30, ALNUM, 'nf-3')].join('_'),
      'NETLIFY_AUTH_TOKEN=nfp_...',
    ],
  },
})
