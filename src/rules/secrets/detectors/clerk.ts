import { PRIORITY } from '../engine/types.js'
import { boundDetector, mixedCase } from '../kit/bound.js'
import { mixed } from '../kit/service-samples.js'

/**
 * Clerk secret keys share Stripe's `sk_live_` prefix and have no shape of their own: a key
 * named for Clerk, or `secretKey` in a Clerk block, is Clerk's and outranks the Stripe finding
 * on the same span.
 */
export const clerkSecretKey = boundDetector({
  id: 'secret/clerk-secret-key',
  title: 'Clerk secret key',
  provider: 'Clerk',
  description:
    'A Clerk live secret key (`sk_live_` + 40 to 60 letters and digits) near "clerk", named for it (`CLERK_SECRET_KEY`) or `secretKey` inside a Clerk block; otherwise a `sk_live_` key is Stripe\'s.',
  near: ['clerk'],
  value: 'sk_live_[A-Za-z0-9]{40,60}',
  chars: 'A-Za-z0-9_',
  names: /^(?:nextpublic)?clerksecret(?:key)?$|^clerkapikey$/,
  blockNames: /^secretkey$/,
  verify: (v) => mixedCase(v.slice(8)),
  priority: PRIORITY.token + 1,
  samples: {
    match: () => [
      `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_live_Y2xlcmsuYWNtZS5pbyQ\nCLERK_SECRET_KEY=${['sk', 'live', mixed(42, 'ck-1')].join('_')}\n`,
      `export default clerkMiddleware({ secretKey: "${['sk', 'live', mixed(46, 'ck-2')].join('_')}" })`,
    ],
    noMatch: () => ['CLERK_SECRET_KEY=sk_live_••••••••••', 'CLERK_SECRET_KEY=${CLERK_SECRET_KEY}'],
  },
})
