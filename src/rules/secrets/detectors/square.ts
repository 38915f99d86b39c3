import { B64URL, fake } from '../kit/samples.js'
import { boundary, tokenDetector } from '../kit/token.js'

/** Not inside a base64 blob either: `+` and `/` glue a run to its neighbours. */
const START = boundary('A-Za-z0-9_+/-')
const END = '(?![A-Za-z0-9_+/=-])'

const KINDS: Record<string, string> = {
  atp: 'Square access token (legacy)',
  csp: 'Square application secret',
  EAAA: 'Square access token',
}

/**
 * `sq0atp-` + 22 and `sq0csp-` + 43 (legacy), `EAAA` + 60 (current access tokens, 64 in all).
 * A Facebook token also starts with `EAA`, but is longer and has no `-` or `_`.
 */
export const squareToken = tokenDetector({
  id: 'secret/square-token',
  title: 'Square access token',
  provider: 'Square',
  description:
    'A Square access token (`EAAA` + 60 characters, 64 in all; legacy `sq0atp-` + 22) or application secret (`sq0csp-` + 43).',
  keywords: ['sq0atp-', 'sq0csp-', 'eaaa'],
  guards: { eaaa: '[A-Za-z0-9_-]{60}(?![A-Za-z0-9_-])' },
  pattern: `${START}(?:sq0(?<kind>atp|csp)-(?<body>[A-Za-z0-9_-]{22}(?:[A-Za-z0-9_-]{21})?)|EAAA(?<token>[A-Za-z0-9_-]{60}))${END}`,
  verify: (m) => {
    const kind = m.groups!.kind
    if (!kind) return undefined
    return m.groups!.body.length === (kind === 'atp' ? 22 : 43) ? undefined : false
  },
  label: (m) => KINDS[m.groups!.kind ?? 'EAAA'],
  samples: {
    match: () => [
      `SQUARE_ACCESS_TOKEN=EAAA${fake(60, B64URL, 'sq-1')}`,
      ['sq0atp', fake(22, B64URL, 'sq-2')].join('-'),
      `SQUARE_APPLICATION_SECRET=${['sq0csp', fake(43, B64URL, 'sq-3')].join('-')}`,
      `EAAA${fake(20, B64URL, 'sq-4')}AAAA${fake(36, B64URL, 'sq-5')}`,
    ],
    noMatch: () => [
      'SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      `EAAA${fake(50, B64URL, 'sq-6')}`,
      ['sq0csp', fake(22, B64URL, 'sq-7')].join('-'),
      'const re = /EAAA[a-zA-Z0-9_-]{60}/',
    ],
  },
})
