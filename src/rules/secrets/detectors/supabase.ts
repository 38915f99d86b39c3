import { hitOf, readJwt, token } from './jwt.js'
import { PRIORITY, defineDetector } from '../engine/types.js'

/**
 * A JWT with `role: service_role` bypasses row-level security on a Supabase project: it must
 * never ship. The Supabase CLI's local demo keys (issuer `supabase-demo`) are documented.
 */
export const supabaseServiceRoleKey = defineDetector({
  id: 'secret/supabase-service-role-key',
  title: 'Supabase service_role key',
  provider: 'Supabase',
  description: 'A Supabase `service_role` key (a JWT that bypasses row-level security).',
  priority: PRIORITY.token,
  keywords: ['eyj'],
  find(text, at, ctx) {
    const t = ctx.memo('jwt', at, () => readJwt(text, at))
    if (!t || t.payload.role !== 'service_role' || t.payload.iss === 'supabase-demo')
      return undefined
    if (t.alg.toLowerCase() === 'none' || t.signature.length < 16) return undefined
    return hitOf(t, 'Supabase service_role key')
  },
  samples: {
    match: () => [
      `createClient(url, "${token({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role', iat: 1700000000, exp: 2015576000 }, 'sb-1')}")`,
    ],
    noMatch: () => [
      token(
        { alg: 'HS256', typ: 'JWT' },
        { iss: 'supabase-demo', role: 'service_role', exp: 1983812996 },
        'sb-2',
      ),
      token(
        { alg: 'HS256', typ: 'JWT' },
        { iss: 'supabase', role: 'anon', exp: 2015576000 },
        'sb-3',
      ),
    ],
  },
})
