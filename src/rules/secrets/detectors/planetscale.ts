import { B64URL, fake } from '../kit/samples.js'
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
    'A PlanetScale service token (`pscale_tkn_`), database password (`pscale_pw_`) or OAuth token (`pscale_oauth_`), 32-64 characters after the prefix.',
  keywords: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'],
  pattern: `${B}pscale_(tkn|pw|oauth)_(?<body>[A-Za-z0-9_=.-]{32,64})${E}`,
  label: (m) => KINDS[m[1]],
  samples: {
    match: () => [
      `PLANETSCALE_SERVICE_TOKEN=${['pscale', 'tkn', fake(43, B64URL, 'ps-1')].join('_')}`,
      `mysql://u8x2k:${['pscale', 'pw', fake(43, B64URL, 'ps-2')].join('_')}@aws.connect.psdb.cloud/app?ssl={"rejectUnauthorized":true}`,
    ],
    noMatch: () => [
      'pscale_pw_' + 'x'.repeat(43),
      'DATABASE_URL=mysql://user:pscale_pw_<password>@host/db',
      ['pscale', 'tkn', fake(20, B64URL, 'ps-3')].join('_'),
    ],
  },
})
