import { boundDetector } from '../kit/bound.js'
import { uuid } from '../kit/service-samples.js'

export const opsgenieApiKey = boundDetector({
  id: 'secret/opsgenie-api-key',
  title: 'Opsgenie API key',
  provider: 'Opsgenie',
  description:
    'An Opsgenie API key (a UUID) near "opsgenie", named for it (`OPSGENIE_API_KEY`), `apiKey` inside an Opsgenie block, or after `GenieKey ` in an Authorization header.',
  near: ['opsgenie', 'geniekey'],
  value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  chars: 'A-Za-z0-9-',
  block: /opsgenie/i,
  names: /^opsgenie(?:api|integration|heartbeat)?key$/,
  blockNames: /^(?:api|integration)?key$/,
  place: new RegExp(`GenieKey[ \\t]+$`, 'i'),
  samples: {
    match: () => [
      `OPSGENIE_API_KEY=${uuid('og-1')}`,
      `headers: { Authorization: \`GenieKey ${uuid('og-2')}\` }`,
      `opsgenie.configure({ api_key: "${uuid('og-3')}" })`,
    ],
    noMatch: () => [
      'Authorization: GenieKey <api-key>',
      `opsgenie:\n  team: sre\nrequestId: ${uuid('og-4')}\n`,
    ],
  },
})
