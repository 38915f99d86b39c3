import { withContext } from '../kit/bound.js'
import { mixed } from '../kit/service-samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const adobeClientSecret = withContext(
  tokenDetector({
    id: 'secret/adobe-client-secret',
    title: 'Adobe client secret',
    provider: 'Adobe',
    description:
      'An Adobe Developer Console (IMS) OAuth client secret (`p8e-` + 32 letters and digits) named as a client secret or near "adobe"; elsewhere only unverified.',
    keywords: ['p8e-'],
    pattern: `${B}p8e-(?<body>[A-Za-z0-9]{32})${E}`,
    samples: {
      match: () => [
        `ADOBE_CLIENT_SECRET=p8e-${mixed(32, 'ad-1')}`,
        `{ "client_secret": "p8e-${mixed(32, 'ad-2')}", "ims": "https://ims-na1.adobelogin.com" }`,
      ],
      noMatch: () => ['ADOBE_CLIENT_SECRET=p8e-' + 'x'.repeat(32), 'p8e-<client-secret>'],
      unverified: () => [`const v = "p8e-${mixed(32, 'ad-3')}"`],
    },
  }),
  /adobe|client.?secret|\bims\b/i,
  'no Adobe or client-secret context nearby',
  300,
)
