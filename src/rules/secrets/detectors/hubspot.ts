import { uuid } from '../kit/service-samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** `pat-` is everywhere in code: the guard lets only `pat-<region>-<uuid>` reach the pattern. */
export const hubspotToken = tokenDetector({
  id: 'secret/hubspot-token',
  title: 'HubSpot private app token',
  provider: 'HubSpot',
  description:
    'A HubSpot private app or personal access token (`pat-` + region such as `na1`, `eu1` + `-` + a UUID).',
  keywords: ['pat-'],
  guards: { 'pat-': '(?:na|eu|ap|au|ca|jp|in|sa)[0-9]-[0-9a-f]{8}-' },
  pattern: `${B}pat-(?:na|eu|ap|au|ca|jp|in|sa)[0-9]-(?<body>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${E}`,
  samples: {
    match: () => [
      `HUBSPOT_ACCESS_TOKEN=pat-na1-${uuid('hs-1')}`,
      `new Client({ accessToken: "pat-eu1-${uuid('hs-2')}" })`,
    ],
    noMatch: () => [
      'pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'const match = "pat-"',
      'pat-na1-<token>',
      `compat-na1-${uuid('hs-3')}`,
    ],
  },
})
