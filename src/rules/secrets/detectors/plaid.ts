import { boundDetector } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'
import { lowerAlnum, uuid } from '../kit/service-samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** An access token for one linked bank account: sandbox and development ones reach no money. */
export const plaidAccessToken = tokenDetector({
  id: 'secret/plaid-access-token',
  title: 'Plaid access token',
  provider: 'Plaid',
  description: 'A Plaid production access token (`access-production-` + a UUID).',
  keywords: ['access-production-'],
  pattern: `${B}access-production-(?<body>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${E}`,
  samples: {
    match: () => [`{"access_token": "access-production-${uuid('pl-1')}"}`],
    noMatch: () => [
      `access-sandbox-${uuid('pl-2')}`,
      'access-production-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'if (token.startsWith("access-production-")) live = true',
    ],
  },
})

export const plaidSecret = boundDetector({
  id: 'secret/plaid-secret',
  title: 'Plaid API secret',
  provider: 'Plaid',
  description:
    'A Plaid API secret (30 hex) near "plaid", named for it (`PLAID_SECRET`, `plaidSecret`) or `secret` inside a Plaid block.',
  near: ['plaid'],
  value: '[0-9a-f]{30}',
  names: /^plaid(?:production|development|sandbox|api|client)?secret(?:key)?$/,
  blockNames: /^(?:api|client)?secret$/,
  samples: {
    match: () => [
      `PLAID_CLIENT_ID=${fake(24, HEX, 'pl-3')}\nPLAID_SECRET=${fake(30, HEX, 'pl-4')}\n`,
      `new PlaidApi(new Configuration({ baseOptions: { headers: { "PLAID-CLIENT-ID": "${fake(24, HEX, 'pl-5')}", "PLAID-SECRET": "${fake(30, HEX, 'pl-6')}" } } }))`,
    ],
    noMatch: () => [
      'PLAID_SECRET=<your-secret>',
      `plaid: { env: "sandbox" }, stripe: { secret: "${lowerAlnum(30, 'pl-7')}" }`,
    ],
  },
})
