import { describe, expect, test } from '@jest/globals'
import type { RawFinding } from '../src/findings.js'
import { scanSecrets } from '../src/rules/secrets/scan.js'
import { inBlock } from '../src/rules/secrets/kit/bound.js'
import { ALNUM, B64URL, fake, HEX } from '../src/rules/secrets/kit/samples.js'
import { mixed, uuid } from '../src/rules/secrets/kit/service-samples.js'

// Observability, messaging, payments and SaaS detectors: where their prefixes overlap each
// other's or older detectors', the finding names the provider whose token it is, once.

function rules(text: string): string[] {
  const out: RawFinding[] = []
  scanSecrets(text, 'dist/app.js', (f) => out.push(f))
  return out.map((f) => f.rule)
}

const sid = (seed: string) => 'A' + 'C' + fake(32, HEX, seed)

describe('shared prefixes: the right provider, once', () => {
  test('sk_live_ + 40 hex is Paystack; other sk_live_ keys stay Stripe', () => {
    expect(rules(`PAYSTACK_SECRET_KEY=${['sk', 'live', fake(40, HEX, 'ov-1')].join('_')}`)).toEqual(
      ['secret/paystack-secret-key'],
    )
    expect(rules(`STRIPE_SECRET_KEY=${['sk', 'live', fake(40, ALNUM, 'ov-2')].join('_')}`)).toEqual(
      ['secret/stripe-secret-key'],
    )
    expect(rules(['sk', 'live', '51' + fake(97, ALNUM, 'ov-3')].join('_'))).toEqual([
      'secret/stripe-secret-key',
    ])
  })

  test('an sk_live_ key named for Clerk is Clerk; beside Clerk but named for Stripe it is Stripe', () => {
    const clerk = ['sk', 'live', mixed(42, 'ov-4')].join('_')
    expect(rules(`CLERK_PUBLISHABLE_KEY=pk_live_x\nCLERK_SECRET_KEY=${clerk}\n`)).toEqual([
      'secret/clerk-secret-key',
    ])
    expect(rules(`// clerk handles auth\nSTRIPE_SECRET_KEY=${clerk}\n`)).toEqual([
      'secret/stripe-secret-key',
    ])
  })

  test('EAAA + 60 is Square; a long EAA token is Facebook', () => {
    expect(rules(`EAAA${fake(60, B64URL, 'ov-5')}`)).toEqual(['secret/square-token'])
    expect(rules(`EAAG${fake(180, ALNUM, 'ov-6')}`)).toEqual(['secret/facebook-access-token'])
    // an EAAA token as long as a Facebook one is neither Square's length nor a Facebook letter
    expect(rules(`EAAA${fake(180, ALNUM, 'ov-7')}`)).toEqual([])
  })

  test('a Sentry DSN with its secret is one Sentry finding, not also a password in a URL', () => {
    const dsn = `https://${fake(32, HEX, 'ov-8')}:${fake(32, HEX, 'ov-9')}@o12345.ingest.sentry.io/678`
    expect(rules(`SENTRY_DSN=${dsn}`)).toEqual(['secret/sentry-dsn-secret'])
  })

  test('Mailgun and Mailchimp keys beside a Twilio SID are theirs, not Twilio tokens', () => {
    const text = `TWILIO_ACCOUNT_SID=${sid('ov-10')}\nMAILGUN_API_KEY=key-${fake(32, HEX, 'ov-11')}\nMAILCHIMP_API_KEY=${fake(32, HEX, 'ov-12')}-us12\n`
    expect(rules(text)).toEqual(['secret/mailgun-api-key', 'secret/mailchimp-api-key'])
  })

  test('a Power Automate URL is one finding, not also a URL password', () => {
    const url = `https://prod-27.westus.logic.azure.com:443/workflows/${fake(32, HEX, 'ov-13')}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${fake(43, B64URL, 'ov-14')}`
    expect(rules(url)).toEqual(['secret/teams-workflow-url'])
  })
})

describe('a generic name binds a value only inside the provider block', () => {
  const V = 'VALUE'
  const at = (text: string) => text.indexOf(V)
  test.each([
    'datadog:\n  site: eu\n  apiKey: VALUE',
    'new Datadog({ service: "web", apiKey: "VALUE" })',
    'mailgun.client({ username: "api", key: "VALUE" })',
    'new Mailgun(FormData).client({ key: "VALUE" })',
    '{"datadog": {"apiKey": "VALUE"}}',
    '{\\"datadog\\": {\\"apiKey\\": \\"VALUE\\"}}',
    '"datadog:\\n  apiKey: VALUE"',
    '[datadog]\nsite = eu\napi_key = VALUE',
  ])('inside: %j', (text) => {
    expect(inBlock(text, at(text), /datadog|mailgun/i)).toBe(true)
  })

  test.each([
    'datadog:\n  site: eu\nsentry:\n  apiKey: VALUE',
    'monitoring:\n  datadog:\n    site: eu\n  sentry:\n    apiKey: VALUE',
    'datadog: { site: "eu" }, sentry: { apiKey: "VALUE" }',
    'DATADOG_SITE=datadoghq.com\nAPI_KEY=VALUE',
    'datadog.init(); const x = { apiKey: "VALUE" }',
    '[datadog]\nsite = eu\n[sentry]\napi_key = VALUE',
    '// uses datadog\nconst config = { apiKey: "VALUE" }',
  ])('outside: %j', (text) => {
    expect(inBlock(text, at(text), /datadog|mailgun/i)).toBe(false)
  })
})

describe('public keys of these providers are not findings', () => {
  test.each([
    [
      'a Mapbox public token',
      `mapboxgl.accessToken = "pk.${Buffer.from('{"u":"acme","a":"x1"}').toString('base64url')}.${fake(22, B64URL, 'pub-1')}"`,
    ],
    [
      'a Sentry DSN without its secret',
      `Sentry.init({ dsn: "https://${fake(32, HEX, 'pub-2')}@o1.ingest.sentry.io/2" })`,
    ],
    [
      'an Algolia search key',
      `algoliasearch("APPID12345", "${fake(32, HEX, 'pub-3')}") // algolia`,
    ],
    ['a Bugsnag notifier key', `Bugsnag.start({ apiKey: "${fake(32, HEX, 'pub-4')}" })`],
    ['a Pusher app key', `new Pusher("${fake(20, HEX, 'pub-5')}", { cluster: "eu" })`],
    ['a Razorpay key id', `new Razorpay({ key: "rzp_live_${mixed(14, 'pub-6')}" })`],
    ['a LaunchDarkly mobile key', `LaunchDarkly.init("mob-${uuid('pub-7')}")`],
  ])('%s', (_, text) => {
    expect(rules(text)).toEqual([])
  })
})
