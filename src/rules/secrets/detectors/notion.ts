import { boundDetector, mixedCase } from '../kit/bound.js'
import { ALNUM, DIGITS, fake } from '../kit/samples.js'
import { mixed } from '../kit/service-samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const notionToken = tokenDetector({
  id: 'secret/notion-token',
  title: 'Notion integration token',
  provider: 'Notion',
  description: 'A Notion integration token (`ntn_` + 11 digits + 35 letters and digits).',
  keywords: ['ntn_'],
  pattern: `${B}ntn_[0-9]{11}(?<body>[A-Za-z0-9]{35})${E}`,
  samples: {
    match: () => [
      `NOTION_TOKEN=${['ntn', fake(11, DIGITS, 'nt-1') + fake(35, ALNUM, 'nt-2')].join('_')}`,
    ],
    noMatch: () => [
      'ntn_' + '0'.repeat(11) + 'x'.repeat(35),
      'NOTION_TOKEN=ntn_<token>',
      ['ntn', fake(11, DIGITS, 'nt-3') + fake(20, ALNUM, 'nt-4')].join('_'),
    ],
  },
})

/**
 * The older `secret_` tokens: `secret_` is a word in every codebase (and a prefix of other
 * keywords), so they are looked for near the word "notion".
 */
export const notionLegacyToken = boundDetector({
  id: 'secret/notion-legacy-token',
  title: 'Notion integration token (legacy)',
  provider: 'Notion',
  description:
    'A Notion internal integration token of the older shape (`secret_` + 43 letters and digits) near "notion".',
  near: ['notion'],
  value: 'secret_[A-Za-z0-9]{43}',
  chars: 'A-Za-z0-9_',
  shapeBinds: true,
  verify: (v) => mixedCase(v.slice(7)),
  samples: {
    match: () => [
      `NOTION_API_KEY=${['secret', mixed(43, 'nt-5')].join('_')}`,
      `const notion = new Client({ auth: "${['secret', mixed(43, 'nt-6')].join('_')}" })`,
    ],
    noMatch: () => [
      'const notion = new Client({ auth: process.env.NOTION_TOKEN })',
      `const token = "${['secret', mixed(43, 'nt-7')].join('_')}"`,
    ],
  },
})
