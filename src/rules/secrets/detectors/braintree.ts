import { fake, HEX, LOWER, DIGITS } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** Sandbox tokens reach no money; only production ones are reported. */
export const braintreeAccessToken = tokenDetector({
  id: 'secret/braintree-access-token',
  title: 'PayPal Braintree access token',
  provider: 'PayPal Braintree',
  description:
    'A PayPal Braintree production access token (`access_token$production$` + 16 letters and digits + `$` + 32 hex).',
  keywords: ['access_token$production$'],
  pattern: `${B}access_token\\$production\\$[0-9a-z]{16}\\$(?<body>[0-9a-f]{32})${E}`,
  samples: {
    match: () => [
      `BRAINTREE_ACCESS_TOKEN=${['access_token', 'production', fake(16, LOWER + DIGITS, 'bt-1'), fake(32, HEX, 'bt-2')].join('$')}`,
    ],
    noMatch: () => [
      ['access_token', 'sandbox', fake(16, LOWER + DIGITS, 'bt-3'), fake(32, HEX, 'bt-4')].join(
        '$',
      ),
      'access_token$production$<merchant id>$<token>',
      ['access_token', 'production', 'x'.repeat(16), 'x'.repeat(32)].join('$'),
    ],
  },
})
