import { boundDetector } from '../kit/bound.js'
import { ALNUM, fake, HEX } from '../kit/samples.js'
import { boundary, tokenDetector } from '../kit/token.js'

/** `EAA` and an app letter; `EAAA` is Square's (see square.ts), so it is left out here. */
const KEYWORDS = [...'BCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => `eaa${c.toLowerCase()}`)

/** Facebook access tokens: `EAA` + 100 or more letters and digits, never in a base64 run. */
export const facebookAccessToken = tokenDetector({
  id: 'secret/facebook-access-token',
  title: 'Facebook access token',
  provider: 'Facebook',
  description:
    'A Facebook (Meta Graph API) user, page or app access token (`EAA` + 100 to 400 letters and digits).',
  keywords: KEYWORDS,
  guards: Object.fromEntries(KEYWORDS.map((k) => [k, '[A-Za-z0-9]{96}'])),
  pattern: `${boundary('A-Za-z0-9_+/-')}EAA[B-Z](?<body>[A-Za-z0-9]{96,400})(?![A-Za-z0-9_+/=-])`,
  samples: {
    match: () => [
      `FB_PAGE_ACCESS_TOKEN=EAAG${fake(180, ALNUM, 'fb-1')}`,
      `graph.setAccessToken("EAAJ${fake(60, ALNUM, 'fb-2')}ZDZD${fake(100, ALNUM, 'fb-3')}")`,
    ],
    noMatch: () => [
      `EAAG${'x'.repeat(120)}`,
      'FB_PAGE_ACCESS_TOKEN=EAAG...',
      `EAAB${fake(60, ALNUM, 'fb-4')}`,
      `data:font/woff2;base64,AAAA+EAAB${fake(120, ALNUM, 'fb-5')}/AAAA`,
    ],
  },
})

export const facebookAppSecret = boundDetector({
  id: 'secret/facebook-app-secret',
  title: 'Facebook app secret',
  provider: 'Facebook',
  description:
    'A Facebook app secret (32 hex) near "facebook", named for it (`FACEBOOK_APP_SECRET`, `fbAppSecret`) or `appSecret`/`clientSecret` inside a Facebook block.',
  near: ['facebook'],
  value: '[0-9a-f]{32}',
  names: /^(?:facebook|fb)(?:app|client)?secret$/,
  blockNames: /^(?:app|client)secret$/,
  samples: {
    match: () => [
      `FACEBOOK_APP_ID=1234567890123\nFACEBOOK_APP_SECRET=${fake(32, HEX, 'fb-6')}\n`,
      `passport.use(new FacebookStrategy({ clientID: "1", clientSecret: "${fake(32, HEX, 'fb-7')}" }))`,
    ],
    noMatch: () => [
      'FACEBOOK_APP_SECRET=<app secret>',
      `facebook: { appId: "1" }, google: { clientSecret: "${fake(32, HEX, 'fb-8')}" }`,
    ],
  },
})
