import { docsOrTests } from '../kit/places.js'
import { matchAt, type ScanContext } from '../engine/context.js'
import { ALNUM, fake } from '../kit/samples.js'
import { judge } from '../kit/token.js'
import { PRIORITY, type Hit, defineDetector } from '../engine/types.js'

const DATABASE_SCHEMES = new Set([
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'mongodb',
  'mongodb+srv',
  'redis',
  'rediss',
  'amqp',
  'amqps',
  'mssql',
  'sqlserver',
  'oracle',
  'cockroachdb',
  'clickhouse',
  'couchdb',
  'neo4j',
  'neo4j+s',
  'bolt',
  'memcached',
  'cassandra',
])

const SCHEME = /(?:\\[nrt]|^|[^A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,19})$/
// user ':' password '@' host, after `://`. The password allows what RFC 3986 allows unencoded
// plus %XX escapes: no quotes, braces, angle brackets or `/`, so code that builds a URL
// (`"://" + user + ":"`), templates (`${PASS}`, `{{pass}}`, `<password>`) and regexes never match.
const CREDENTIALS =
  /(?<user>[A-Za-z0-9._~%+-]{0,128}):(?<password>(?:[A-Za-z0-9._~!$&*+,;=-]|%[0-9A-Fa-f]{2}){1,256})@(?<host>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,10}|\[[0-9A-Fa-f:.]{2,45}\])(?![A-Za-z0-9.-]{0,253}@)/y

const DEFAULTS = new Set(
  'password passwd pass pwd pass123 password1 secret admin root guest user username demo default letmein qwerty changeit postgres mysql redis mongo mongodb rabbitmq sa oracle neo4j token apikey'.split(
    ' ',
  ),
)
const PLACEHOLDER = /passw|secret|example|your|xxx|changeme|placeholder|redacted|\*\*\*/i
/** Names reserved for examples (RFC 2606, RFC 6761): `example.com/.net/.org`, `*.example`, `*.test`, `*.invalid`. */
const EXAMPLE_HOST = /(?:^|\.)example\.(?:com|net|org)$|\.(?:example|test|invalid)$/i
/** This machine only: `localhost`, `*.localhost`, 127.0.0.0/8, `[::1]`. */
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$|\.localhost$/i

/**
 * What a `user:password@host` means. Dropped: a documented or default password (`password`,
 * `postgres`, the user name again), an environment reference (`$DB_PASS`), a host reserved for
 * examples. Unverified: this machine (localhost), where credentials are development ones. Any
 * other host is a real one, however short or internal its name: a one-word docker-compose or
 * Kubernetes service (`db`), a `.local` or `.internal` name, a private address.
 */
type Found = { hit: Hit; database: boolean }

/**
 * What must follow `://` for CREDENTIALS to match there (user, `:`, password characters, `@`):
 * URLs are everywhere in code, and this keeps the scanner from stopping at each one.
 */
const GUARDS = { '://': '[A-Za-z0-9._~%+-]{0,128}:[A-Za-z0-9._~!$&*+,;=%-]{1,768}@' }

/** How both URL rules judge a password in documentation, for docs/rules.md. */
const IN_DOCS =
  'a warning inside documentation (`*.md`, `*.markdown`, `*.rst`, `*.txt`, `*.adoc`, files under `docs/` or `doc/`): a URL there is most often a connection example.'

/** Both rules ask about the same `://`: the second gets the first one's answer. */
const credentials = (text: string, at: number, ctx: ScanContext) =>
  ctx.memo('url-credentials', at, () => inDocs(judgeUrl(text, at), ctx.file))

/**
 * A password in a URL inside documentation (a README's connection example) is a warning: it
 * has no provider format to tell a real one from an example, and what a README shows is almost
 * always an example.
 */
function inDocs(found: Found | undefined, file: string): Found | undefined {
  if (!found || found.hit.unverified || docsOrTests(file) !== 'documentation') return found
  const why = 'a URL in documentation: a warning, as such URLs are most often examples'
  return { ...found, hit: { ...found.hit, severity: 'warning', why } }
}

function judgeUrl(text: string, at: number): Found | undefined {
  const m = matchAt(CREDENTIALS, text, at + 3)
  if (!m) return undefined
  const scheme = SCHEME.exec(text.slice(Math.max(0, at - 21), at))
  if (!scheme) return undefined
  const { user, password, host } = m.groups!
  const decoded = password.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) =>
    String.fromCharCode(parseInt(h, 16)),
  )
  if (
    decoded.length < 6 ||
    decoded.toLowerCase() === user.toLowerCase() ||
    DEFAULTS.has(decoded.toLowerCase()) ||
    PLACEHOLDER.test(decoded) ||
    decoded.startsWith('$') ||
    EXAMPLE_HOST.test(host)
  )
    return undefined
  const start = at + 3 + user.length + 1
  const hit = judge(password, password, start, {
    verify: () => (LOCAL_HOST.test(host) ? 'a local development host' : undefined),
  })
  return hit && { hit, database: DATABASE_SCHEMES.has(scheme[1].toLowerCase()) }
}

const pw = (seed: string) => fake(16, ALNUM, seed)

/** `postgres://user:password@host` and other database URLs with a password in them. */
export const databaseUrl = defineDetector({
  id: 'secret/database-url',
  title: 'password in a database URL',
  provider: 'generic',
  description:
    'A database or broker URL with an embedded password (`postgres://`, `mysql://`, `mongodb+srv://`, `redis://`, `amqp://` …) on a real host: any but `localhost`, `127.0.0.0/8`, `[::1]` and `*.localhost` (unverified) and the reserved example names `example.com/.net/.org`, `*.example`, `*.test`, `*.invalid`; `db`, `*.local` and `*.internal` are real.',
  priority: PRIORITY.generic,
  judged: IN_DOCS,
  keywords: ['://'],
  guards: GUARDS,
  find(text, at, ctx) {
    const found = credentials(text, at, ctx)
    return found?.database ? found.hit : undefined
  },
  samples: {
    match: () => [
      `DATABASE_URL=postgres://app:${pw('db-1')}@db.prod.acme.io:5432/app`,
      `mongoose.connect("mongodb+srv://svc:${pw('db-2')}@cluster0.ab1cd.mongodb.net/app")`,
      `redis://:${pw('db-3')}@cache.acme.io:6379`,
      `jdbc:mysql://root:${pw('db-4')}@10.0.4.12:3306/shop`,
      // internal, one-word and mDNS hosts are real hosts
      `postgres://orders:${pw('db-7')}@orders-db.prod.acme.internal:5432/orders`,
      `DATABASE_URL=postgres://app:${pw('db-8')}@db:5432/app`,
      `mongodb://admin:${pw('db-9')}@postgres/admin`,
      `redis://:${pw('db-10')}@cache.local:6379`,
      `amqp://svc:${pw('db-11')}@host.docker.internal:5672`,
    ],
    noMatch: () => [
      'postgres://user:password@localhost:5432/db',
      'postgres://postgres:postgres@db:5432/postgres',
      'mongodb://localhost:27017/test',
      'DATABASE_URL=postgres://${DB_USER}:${DB_PASS}@${DB_HOST}/app',
      'mysql://user:<password>@host/db',
      'postgresql://{{user}}:{{password}}@{{host}}/db',
      'amqp://guest:guest@localhost:5672',
      'const url = "postgres://" + user + ":" + pass + "@" + host',
      `postgres://app:${pw('db-5')}@db.example.com/app`,
      'redis://:$REDIS_PASSWORD@cache:6379',
      'postgres://app:%s@%s/app',
      // reserved example names, and default passwords on any host
      `postgres://app:${pw('db-12')}@db.example:5432/app`,
      `mysql://app:${pw('db-13')}@mysql.test/app`,
      `redis://:${pw('db-14')}@cache.invalid:6379`,
      'postgres://postgres:postgres@orders-db.prod.acme.internal/app',
      'mysql://root:changeme@db/app',
    ],
    unverified: () => [
      `postgres://app:${pw('db-6')}@localhost:5432/app`,
      `postgres://app:${pw('db-15')}@127.0.0.2:5432/app`,
      `redis://:${pw('db-16')}@[::1]:6379`,
      `mongodb://app:${pw('db-17')}@api.localhost/app`,
    ],
  },
})

/** `https://user:password@host` and other URLs with a password in them. */
export const urlCredentials = defineDetector({
  id: 'secret/url-credentials',
  title: 'password in a URL',
  provider: 'generic',
  description:
    'A URL with an embedded password (`https://user:password@host`, `ftp://`, `smtp://` …) on a real host, judged as for `secret/database-url`.',
  priority: PRIORITY.generic,
  judged: IN_DOCS,
  keywords: ['://'],
  guards: GUARDS,
  find(text, at, ctx) {
    const found = credentials(text, at, ctx)
    return found && !found.database ? found.hit : undefined
  },
  samples: {
    match: () => [
      `registry=https://deploy:${pw('url-1')}@npm.acme.io/`,
      `smtp://mailer:${pw('url-2')}@smtp.acme.io:587`,
      `https://deploy:${pw('url-3')}@nexus.corp.internal/repository/npm/`,
    ],
    noMatch: () => [
      'https://user:pass@example.com/',
      'https://username:password@github.com/o/r.git',
      'git+ssh://git@github.com:org/repo.git',
      'https://cdn.acme.io:8443/a@b',
      'https://x-access-token:${TOKEN}@github.com/o/r.git',
      'const re = /^(\\w+):\\/\\/([^:]+):([^@]+)@/',
      'new RegExp("^https?://([^:]+):([^@]+)@")',
      'http://localhost:3000/@fs/src/main.ts',
      `https://deploy:${pw('url-4')}@registry.example.org/`,
    ],
    unverified: () => [`http://admin:${pw('url-5')}@localhost:8080/`],
  },
})
