import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** Live-mode keys only: `sk_test_` keys reach no money and are published in docs and tests. */
export const stripeSecretKey = tokenDetector({
  id: 'secret/stripe-secret-key',
  title: 'Stripe live secret key',
  provider: 'Stripe',
  description: 'A Stripe live-mode secret or restricted key (`sk_live_`, `rk_live_`).',
  keywords: ['sk_live_', 'rk_live_'],
  pattern: `${B}([sr])k_live_(?<body>[A-Za-z0-9]{24,247})${E}`,
  label: (m) => (m[1] === 'r' ? 'Stripe live restricted key' : 'Stripe live secret key'),
  samples: {
    match: () => [
      ['sk', 'live', fake(24, ALNUM, 'stripe-1')].join('_'),
      `Stripe("${['rk', 'live', '51' + fake(97, ALNUM, 'stripe-2')].join('_')}")`,
    ],
    noMatch: () => [
      'const PREFIX = "sk_live_"',
      ['sk', 'test', fake(24, ALNUM, 'stripe-3')].join('_'),
      ['pk', 'live', fake(24, ALNUM, 'stripe-4')].join('_'),
      'sk_live_' + 'x'.repeat(24),
      'sk_live_yourSecretKeyGoesHere00000',
      'if (key.startsWith("sk_live_") && !isProd) warn()',
    ],
  },
})

export const stripeWebhookSecret = tokenDetector({
  id: 'secret/stripe-webhook-secret',
  title: 'Stripe webhook signing secret',
  provider: 'Stripe',
  description: 'A Stripe webhook signing secret (`whsec_`).',
  keywords: ['whsec_'],
  pattern: `${B}whsec_(?<body>[A-Za-z0-9+/]{32,88})={0,2}(?![A-Za-z0-9+/=_-])`,
  samples: {
    match: () => [`STRIPE_WEBHOOK_SECRET=${['whsec', fake(32, ALNUM, 'whsec-1')].join('_')}`],
    noMatch: () => ['whsec_...', 'whsec_' + 'x'.repeat(32), 'const p = "whsec_"'],
  },
})
