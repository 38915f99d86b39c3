import { matchAt } from '../engine/context.js'
import { doubt } from '../kit/placeholder.js'
import { B64URL, b64json, fake } from '../kit/samples.js'
import { B, judge } from '../kit/token.js'
import { PRIORITY, type Hit, defineDetector } from '../engine/types.js'

const JWT = new RegExp(
  `${B}eyJ[A-Za-z0-9_-]{8,1500}\\.eyJ[A-Za-z0-9_-]{8,15000}\\.(?<sig>[A-Za-z0-9_-]{0,1500})(?![A-Za-z0-9_.=-])`,
  'y',
)
const YEAR = 365 * 24 * 3600

export interface Jwt {
  start: number
  value: string
  alg: string
  payload: Record<string, unknown>
  signature: string
}

/** Decodes the JWT starting at `at`: undefined unless header and payload are JSON objects with an `alg`. */
export function readJwt(text: string, at: number): Jwt | undefined {
  const m = matchAt(JWT, text, at)
  if (!m) return undefined
  const [header, payload] = m[0].split('.').slice(0, 2).map(decode)
  if (!isObject(header) || typeof header.alg !== 'string' || !isObject(payload)) return undefined
  return { start: at, value: m[0], alg: header.alg, payload, signature: m.groups!.sig }
}

function decode(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Claims that say who the token is for or what it may do: a credential has at least one. */
const IDENTITY = [
  'iss',
  'sub',
  'aud',
  'role',
  'roles',
  'scope',
  'scp',
  'client_id',
  'azp',
  'uid',
  'user_id',
  'email',
  'permissions',
  'groups',
  'tid',
  'org_id',
  'app_id',
]

/** Unsigned tokens grant nothing, and documentation tokens are not credentials. */
function signedAndReal(jwt: Jwt): boolean {
  if (jwt.alg.toLowerCase() === 'none' || jwt.signature.length < 16) return false
  if (doubt(jwt.signature) === 'placeholder') return false
  if (!IDENTITY.some((claim) => claim in jwt.payload)) return false
  const claims = JSON.stringify(jwt.payload)
  return !/john doe|jane doe|1234567890|example|lorem|placeholder|your-|"foo"|"bar"/i.test(claims)
}

const looksTest = (jwt: Jwt) => /test|fake|mock|dummy/i.test(JSON.stringify(jwt.payload))

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/**
 * JWTs are everywhere in bundles and docs; most are short-lived session tokens or examples.
 * Reported (as a warning) is a signed token (alg not `none`, a real signature) with identity or
 * authorization claims (`iss`, `sub`, `aud`, `role`, `scope` …) that stays valid a long time: no
 * `exp` at all, or `exp` more than a year after `iat` (after now when there is no `iat`). Not
 * reported: unsigned tokens, expired or short-lived ones, tokens that identify no one
 * (`{"k":"value"}`), documentation tokens (jwt.io's John Doe, example claims), Supabase `anon`
 * keys (public by design). Supabase
 * `service_role` keys have their own rule (`secret/supabase-service-role-key`, an error).
 * Claims that say test/fake/mock make it unverified.
 */
export const jwt = defineDetector({
  id: 'secret/jwt',
  title: 'long-lived JSON Web Token',
  provider: 'generic',
  description:
    'A signed JSON Web Token without expiry or valid for more than a year (see the rule docs for what is left out).',
  severity: 'warning',
  priority: PRIORITY.generic,
  keywords: ['eyj'],
  find(text, at, ctx) {
    const t = ctx.memo('jwt', at, () => readJwt(text, at))
    if (!t || !signedAndReal(t)) return undefined
    const role = t.payload.role
    if (role === 'anon' || role === 'service_role') return undefined
    const exp = num(t.payload.exp)
    const issued = num(t.payload.iat) ?? num(t.payload.nbf) ?? Date.now() / 1000
    if (exp !== undefined && exp - issued <= YEAR) return undefined
    const label =
      exp === undefined
        ? `JSON Web Token without expiry (${t.alg})`
        : `long-lived JSON Web Token (${t.alg}, valid ${Math.round((exp - issued) / YEAR)} years)`
    return hitOf(t, label)
  },
  samples: {
    match: () => [
      token({ alg: 'HS256', typ: 'JWT' }, { sub: 'svc-deploy', scope: 'admin' }, 'jwt-1'),
      `Authorization: Bearer ${token({ alg: 'RS256' }, { iss: 'https://auth.acme.io', sub: 'ci', iat: 1700000000, exp: 2015360000 }, 'jwt-2', 342)}`,
    ],
    noMatch: () => [
      // jwt.io's sample token
      token(
        { alg: 'HS256', typ: 'JWT' },
        { sub: '1234567890', name: 'John Doe', iat: 1516239022 },
        '',
        0,
        ['SflKxwRJSMeKKF2QT4fwpMeJf36POk6y', 'JV_adQssw5c'].join(''),
      ),
      token({ alg: 'none' }, { sub: 'svc' }, '', 0, ''),
      token({ alg: 'HS256' }, { sub: 'u1', iat: 1700000000, exp: 1700003600 }, 'jwt-3'),
      token(
        { alg: 'HS256' },
        { iss: 'supabase', role: 'anon', exp: 2000000000, iat: 1700000000 },
        'jwt-4',
      ),
      `sourceMappingURL=data:application/json;base64,${b64json({ version: 3, sources: [] })}`,
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.signature',
      token({ typ: 'JWT' }, { sub: 'svc' }, 'jwt-5'),
      token({ alg: 'HS256' }, { k: 'value' }, 'jwt-7'),
    ],
    unverified: () => [token({ alg: 'HS256' }, { sub: 'test-user', role: 'tester' }, 'jwt-6')],
  },
})

export function hitOf(t: Jwt, label: string): Hit | undefined {
  const hit = judge(t.value, t.signature, t.start, { shown: 0, label })
  if (hit && !hit.unverified && looksTest(t)) hit.unverified = 'its claims look like test data'
  return hit
}

/** A JWT sample: header and payload as given, a random signature unless one is passed. */
export function token(
  header: object,
  payload: object,
  seed: string,
  length = 43,
  signature = fake(length, B64URL, seed),
): string {
  return [b64json(header), b64json(payload), signature].join('.')
}
