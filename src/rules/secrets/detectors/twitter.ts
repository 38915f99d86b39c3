import { boundDetector, mixedCase } from '../kit/bound.js'
import { ALNUM, fake } from '../kit/samples.js'
import { mixed } from '../kit/service-samples.js'

const NEAR = ['twitter']

/** App-only bearer tokens start with 22 `A`s (URL-escaped `%2F`, `%3D` inside). */
export const twitterBearerToken = boundDetector({
  id: 'secret/twitter-bearer-token',
  title: 'Twitter (X) bearer token',
  provider: 'Twitter',
  description:
    'A Twitter (X) app-only bearer token (22 `A` then 80 to 120 letters, digits and `%` escapes) near "twitter".',
  near: NEAR,
  value: 'A{22}[A-Za-z0-9%]{80,120}',
  chars: 'A-Za-z0-9%+/=',
  shapeBinds: true,
  verify: (v) => mixedCase(v.slice(22)),
  samples: {
    match: () => [
      `TWITTER_BEARER_TOKEN=${'A'.repeat(22)}${fake(20, ALNUM, 'tw-b1')}%2B${fake(40, ALNUM, 'tw-b2')}%3D${fake(30, ALNUM, 'tw-b3')}`,
    ],
    noMatch: () => [
      `TWITTER_BEARER_TOKEN=${'A'.repeat(22)}${'x'.repeat(90)}`,
      // a font's base64 beside an icon named twitter: the run is glued to `+` and `/`
      `.icon-twitter{} @font-face{src:url(data:font/woff2;base64,d09GMgAB+${'A'.repeat(24)}${fake(90, ALNUM, 'tw-b4')}/AAAA)}`,
      'TWITTER_BEARER_TOKEN=<bearer token>',
    ],
  },
})

/** Consumer (API key) secrets are 50 characters, access token secrets 45; no prefix. */
export const twitterApiSecret = boundDetector({
  id: 'secret/twitter-api-secret',
  title: 'Twitter (X) API secret',
  provider: 'Twitter',
  description:
    'A Twitter (X) API key secret (50 letters and digits) or access token secret (45) near "twitter", named as one (`TWITTER_API_SECRET`, `consumer_secret`, `access_token_secret`).',
  near: NEAR,
  value: '[A-Za-z0-9]{50}|[A-Za-z0-9]{45}',
  names:
    /^(?:twitter)?(?:consumer|api|apikey|app)secret(?:key)?$|^(?:twitter)?access(?:token)?secret$/,
  verify: mixedCase,
  samples: {
    match: () => [
      `TWITTER_USER=acme\nTWITTER_API_SECRET=${mixed(50, 'tw-2')}\n`,
      `const twitter = new Twitter({ consumer_key: "x", consumer_secret: "${mixed(50, 'tw-3')}" })`,
      `twitter:\n  access_token_secret: ${mixed(45, 'tw-4')}\n`,
    ],
    noMatch: () => [
      'TWITTER_API_SECRET=your-consumer-secret-goes-here',
      `// twitter\nconst sha = "${mixed(50, 'tw-5')}"`,
    ],
  },
})
