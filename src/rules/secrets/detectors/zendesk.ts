import { boundDetector, mixedCase } from '../kit/bound.js'
import { mixed } from '../kit/service-samples.js'

export const zendeskApiToken = boundDetector({
  id: 'secret/zendesk-api-token',
  title: 'Zendesk API token',
  provider: 'Zendesk',
  description:
    'A Zendesk API token (40 letters and digits) near "zendesk", named for it (`ZENDESK_API_TOKEN`) or `token`/`apiToken` inside a Zendesk block.',
  near: ['zendesk'],
  value: '[A-Za-z0-9]{40}',
  names: /^(?:zendesk|zd)(?:api)?(?:token|key)$/,
  blockNames: /^(?:api)?token$/,
  verify: mixedCase,
  samples: {
    match: () => [
      `ZENDESK_SUBDOMAIN=acme\nZENDESK_API_TOKEN=${mixed(40, 'zd-1')}\n`,
      `const client = zendesk.createClient({ username: "ops@acme.io", token: "${mixed(40, 'zd-2')}", remoteUri: "https://acme.zendesk.com/api/v2" })`,
    ],
    noMatch: () => [
      'ZENDESK_API_TOKEN=<your_api_token>',
      `zendesk: { subdomain: "acme" }, github: { token: "${mixed(40, 'zd-3')}" }`,
    ],
  },
})
