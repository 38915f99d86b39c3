import { mixed } from '../kit/keyword-bound.js'
import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const KINDS: Record<string, string> = {
  tkn: 'PlanetScale service token',
  pw: 'PlanetScale database password',
  oauth: 'PlanetScale OAuth token',
}

export const planetscaleToken = tokenDetector({
  id: 'secret/planetscale-token',
  title: 'PlanetScale token',
  provider: 'PlanetScale',
  description:
    'A PlanetScale service token (`pscale_tkn_`) or database password (`pscale_pw_`), 43 letters, digits and `_` after the prefix, or an OAuth token (`pscale_oauth_`, 32-64).',
  keywords: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'],
  pattern: `${B}pscale_(?:(tkn|pw)_(?<body>[A-Za-z0-9_]{43})|(oauth)_(?<oauth>[A-Za-z0-9_]{32,64}))${E}`,
  label: (m) => KINDS[m[1] ?? m[3]],
  // random: both cases and a digit (not the next token's prefix, run together)
  verify: (m) => (mixed(m.groups!.body ?? m.groups!.oauth) ? undefined : false),
  samples: {
    match: () => [
      `PLANETSCALE_SERVICE_TOKEN=${['pscale', 'tkn', fake(43, ALNUM + '_', 'ps-1')].join('_')}`,
      `mysql://u8x2k:${['pscale', 'pw', fake(43, ALNUM + '_', 'ps-2')].join('_')}@aws.connect.psdb.cloud/app?ssl={"rejectUnauthorized":true}`,
    ],
    noMatch: () => [
      'pscale_pw_' + 'x'.repeat(43),
      'DATABASE_URL=mysql://user:pscale_pw_<password>@host/db',
      ['pscale', 'tkn', fake(20, ALNUM + '_', 'ps-3')].join('_'),
    ],
  },
})
