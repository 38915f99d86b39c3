import { fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'

export const clojarsToken = tokenDetector({
  id: 'secret/clojars-token',
  title: 'Clojars deploy token',
  provider: 'Clojars',
  description: 'A Clojars deploy token (`CLOJARS_` + 60 lower-case letters and digits).',
  keywords: ['clojars_'],
  pattern: `${B}CLOJARS_(?<body>[a-z0-9]{60})${E}`,
  verify: (m) => (/[0-9]/.test(m.groups!.body) ? undefined : false),
  samples: {
    match: () => [`:password "${['CLOJARS', fake(60, LOWER_ALNUM, 'clj-1')].join('_')}"`],
    noMatch: () => [
      'CLOJARS_' + 'x'.repeat(60),
      'CLOJARS_USERNAME=me',
      'CLOJARS_DEPLOY_TOKEN=${{ secrets.CLOJARS_DEPLOY_TOKEN }}',
      ['CLOJARS', fake(40, LOWER_ALNUM, 'clj-2')].join('_'),
    ],
  },
})
