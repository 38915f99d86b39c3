import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'
import { PRIORITY } from '../engine/types.js'

/**
 * `sk_live_` + 40 hex. Stripe's keys share the prefix but are never 40 lower-case hex, so a
 * key of this exact shape is Paystack's: it outranks the Stripe detector on the same span.
 */
export const paystackSecretKey = {
  ...tokenDetector({
    id: 'secret/paystack-secret-key',
    title: 'Paystack live secret key',
    provider: 'Paystack',
    description:
      'A Paystack live secret key (`sk_live_` + 40 hex; a Stripe key never has that shape).',
    keywords: ['sk_live_'],
    pattern: `${B}sk_live_(?<body>[0-9a-f]{40})${E}`,
    samples: {
      match: () => [`PAYSTACK_SECRET_KEY=${['sk', 'live', fake(40, HEX, 'ps-1')].join('_')}`],
      noMatch: () => [
        ['sk', 'test', fake(40, HEX, 'ps-2')].join('_'),
        ['sk', 'live', '0'.repeat(40)].join('_'),
        ['pk', 'live', fake(40, HEX, 'ps-3')].join('_'),
      ],
    },
  }),
  priority: PRIORITY.token + 1,
}
