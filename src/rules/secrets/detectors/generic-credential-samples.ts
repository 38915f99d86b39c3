import { ALNUM, B64, B64URL, DIGITS, fake, HEX, LETTERS, UPPER } from '../kit/samples.js'
import type { Samples } from '../engine/types.js'

// Samples of secret/generic-credential, built at test time from pieces (see kit/samples.ts).

const key = (n: number, seed: string) => fake(n, ALNUM, `gen-${seed}`)
/** A short password of mixed kinds: letters, digits and a sign. */
const pw = (seed: string) =>
  fake(5, LETTERS, `pw-${seed}-1`) +
  fake(3, DIGITS, `pw-${seed}-2`) +
  '%' +
  fake(4, UPPER, `pw-${seed}-3`)
const b64 = (s: string) => Buffer.from(s).toString('base64')
const uuid = (seed: string) =>
  [8, 4, 4, 4, 12].map((n, i) => fake(n, HEX, `uuid-${seed}-${i}`)).join('-')
const secretManifest = (block: string) =>
  ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: app', 'type: Opaque', block, ''].join(
    '\n',
  )

export const genericSamples: Samples = {
  match: () => [
    `const apiKey = "${key(32, '1')}"`,
    `export default { service: 'billing', apiKey: '${fake(28, B64URL, 'gen-2')}' }`,
    `{"client_id": "acme-web", "client_secret": "${key(40, '3')}"}`,
    `STRIPE_API_KEY=${key(32, '4')}`,
    `database:\n  host: db.prod.acme.io\n  password: ${pw('5')}\n`,
    `db.user=orders\ndb.password=${pw('6')}\n`,
    `[auth]\nsecret = ${key(24, '7')}\n`,
    `api_key = "${key(36, '8')}"`,
    `myService.accessToken = '${key(30, '9')}'`,
    `curl -H 'Authorization: Bearer ${key(22, '10')}' https://api.acme.io/v1/items`,
    `curl -u deploy:${fake(10, ALNUM, 'gen-11')}%${fake(10, ALNUM, 'gen-11b')} https://acme.io/up`,
    secretManifest(`data:\n  stripe: ${b64(key(24, '12'))}`),
    secretManifest(`stringData:\n  webhook: ${key(32, '13')}`),
    `headers = { "API-KEY": "${key(32, '14')}" }`,
  ],
  noMatch: () => [
    // labels and messages
    'password: "Password", token: "Token expired", apiKey: "Enter your API key"',
    '{"password": "Mot de passe", "secret": "Geheimnis"}',
    // lookups and template slots
    'const apiKey = process.env.STRIPE_API_KEY',
    'api_key: ${API_KEY}\ntoken: "{{ .Values.token }}"\npassword: "%DB_PASSWORD%"',
    'API_KEY=$STRIPE_API_KEY\nSECRET=${SECRET:-}',
    'api_key = os.environ["API_KEY"]',
    'Authorization: `Bearer ${token}`',
    // references and minified code
    'apiKey: config.apiKey, token: this.token, secret: options.clientSecret',
    't.token=e,t.secret=n,e.password=r.password',
    'function f(e){return{token:e,secret:n,password:a}}',
    // digests, hashes and ids
    `token: "${fake(40, HEX, 'gen-n1')}", secret: "${fake(64, HEX, 'gen-n2')}"`,
    `password: "sha512-${fake(86, B64, 'gen-n3')}=="`,
    `password: "$2b$10$${fake(53, ALNUM, 'gen-n4')}"`,
    `token: "${uuid('n5')}"`,
    // types and enum-like constants
    'interface Options { token: string; password?: string; apiKey: ApiKeyProvider }',
    'const TOKEN = "token", PASSWORD_FIELD = "password"; export const AUTH_TOKEN = "auth_token"',
    'apiKey: "PaymentGatewayPublicName"',
    // URLs and paths
    'token: "https://auth.acme.io/oauth2/v1/token", secret: "/var/run/secrets/app/key"',
    // placeholders
    'apiKey: "your-api-key-here", password: "changeme", token: "<token>"',
    `secret = "${'x'.repeat(24)}"\napi_key = "${'1234567890abcdef'.repeat(2)}"`,
    // a token for paging or CSRF, not a credential
    `csrfToken: "${key(32, 'n6')}", nextPageToken: "${key(40, 'n7')}"`,
    // a password too short or of one kind of character
    'password: "hunter2", pwd: "abcdefghij"',
  ],
  unverified: () => [`const apiKey = "test_${key(28, 'u1')}"`],
}
