import { B64, B64URL, fake } from '../kit/samples.js'
import { B, tokenDetector } from '../kit/token.js'

/** A macaroon: `fm1r_`, `fm1a_` or `fm2_`, then base64; a token may join several with commas. */
const MACAROON = 'fm(?:1[ar]|2)_[A-Za-z0-9+/]{100,2000}={0,3}'

export const flyioToken = tokenDetector({
  id: 'secret/flyio-token',
  title: 'Fly.io access token',
  provider: 'Fly.io',
  description:
    'A Fly.io access token: macaroons (`fm1r_`, `fm1a_`, `fm2_` + 100 or more base64 characters, maybe several joined by commas, after `FlyV1 ` or not) or an organization token (`fo1_` + 43 characters).',
  keywords: ['fm1r_', 'fm1a_', 'fm2_', 'fo1_'],
  pattern: `${B}(?:(?<macaroon>${MACAROON}(?:,${MACAROON}){0,8})|fo1_(?<org>[A-Za-z0-9_-]{43}))(?![A-Za-z0-9+/=_-])`,
  label: (m) => (m.groups!.org ? 'Fly.io organization token' : undefined),
  samples: {
    match: () => [
      `FLY_API_TOKEN="FlyV1 ${['fm2', fake(180, B64, 'fly-1')].join('_')},${['fm2', fake(120, B64, 'fly-2')].join('_')}"`,
      `FLY_ACCESS_TOKEN=${['fm1r', fake(200, B64, 'fly-3')].join('_')}`,
      `fly deploy --access-token ${['fo1', fake(43, B64URL, 'fly-4')].join('_')}`,
    ],
    noMatch: () => [
      'FLY_API_TOKEN="FlyV1 fm2_..."',
      'fm2_' + 'A'.repeat(150),
      ['fm2', fake(60, B64, 'fly-5')].join('_'),
      'fo1_' + 'x'.repeat(43),
    ],
  },
})
