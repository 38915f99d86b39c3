import { mixed } from '../kit/keyword-bound.js'
import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const renderApiKey = tokenDetector({
  id: 'secret/render-api-key',
  title: 'Render API key',
  provider: 'Render',
  description: 'A Render API key (`rnd_` + 32 letters and digits).',
  keywords: ['rnd_'],
  guards: { rnd_: '[A-Za-z0-9]{32}(?![A-Za-z0-9_-])' },
  pattern: `${B}rnd_(?<body>[A-Za-z0-9]{32})${E}`,
  verify: (m) => (mixed(m.groups!.body) ? undefined : false),
  samples: {
    match: () => [`RENDER_API_KEY=${['rnd', fake(32, ALNUM, 'rnd-1')].join('_')}`],
    noMatch: () => [
      'rnd_' + 'x'.repeat(32),
      'const rnd_seed = Math.random()',
      'rnd_' + 'abcdefghijklmnopqrstuvwxyzABCDEF',
      ['rnd', fake(30, ALNUM, 'rnd-2')].join('_'),
      'rnd_generatorinstancefactorymethod',
    ],
  },
})
