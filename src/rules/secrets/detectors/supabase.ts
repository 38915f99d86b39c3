import { B64URL, fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'
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

export const supabaseAccessToken = tokenDetector({
  id: 'secret/supabase-access-token',
  title: 'Supabase personal access token',
  provider: 'Supabase',
  description:
    'A Supabase personal access token for the Management API and CLI (`sbp_` + 40 hex characters).',
  keywords: ['sbp_'],
  pattern: `${B}sbp_(?<body>[0-9a-f]{40})${E}`,
  samples: {
    match: () => [`SUPABASE_ACCESS_TOKEN=${['sbp', fake(40, HEX, 'sbp-1')].join('_')}`],
    noMatch: () => [
      'sbp_' + 'x'.repeat(40),
      ['sbp', fake(32, HEX, 'sbp-2')].join('_'),
      'SUPABASE_ACCESS_TOKEN=sbp_<token>',
    ],
  },
})

export const supabaseSecretKey = tokenDetector({
  id: 'secret/supabase-secret-key',
  title: 'Supabase secret API key',
  provider: 'Supabase',
  description:
    'A Supabase secret API key (`sb_secret_` + 30-64 characters), which bypasses row-level security like a `service_role` key.',
  keywords: ['sb_secret_'],
  pattern: `${B}sb_secret_(?<body>[A-Za-z0-9_-]{30,64})${E}`,
  samples: {
    match: () => [`SUPABASE_SECRET_KEY=${['sb', 'secret', fake(31, B64URL, 'sbs-1')].join('_')}`],
    noMatch: () => [
      'sb_secret_' + 'x'.repeat(31),
      'SUPABASE_SECRET_KEY=sb_secret_...',
      ['sb', 'secret', fake(12, B64URL, 'sbs-2')].join('_'),
      'const isSecret = key.startsWith("sb_secret_")',
    ],
  },
})
