import { describe, expect, test } from '@jest/globals'
import type { RawFinding } from '../src/findings.js'
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { INFRA_DETECTORS } from '../src/rules/secrets/detectors/providers-infra.js'
import { keywordsOf } from '../src/rules/secrets/engine/scanner.js'
import { insideBlockOf, uuid } from '../src/rules/secrets/kit/keyword-bound.js'
import { ALNUM, B64URL, fake, HEX } from '../src/rules/secrets/kit/samples.js'
import { scanSecrets } from '../src/rules/secrets/scan.js'

// Cloud and infrastructure, CI/CD and AI providers: what their samples alone do not show.

function scan(text: string, file = 'dist/app.js'): RawFinding[] {
  const out: RawFinding[] = []
  scanSecrets(text, file, (f) => out.push(f))
  return out
}
const rules = (text: string) => scan(text).map((f) => f.rule)

describe('the group', () => {
  test('every detector names its provider and describes its format', () => {
    for (const d of INFRA_DETECTORS) {
      expect(d.provider).toMatch(/\S/)
      expect(d.description.length).toBeGreaterThan(30)
      expect(DETECTORS).toContain(d)
    }
  })

  test('keywords are distinctive: 4 characters or more, save a digit before `Q~`', () => {
    const short = keywordsOf(INFRA_DETECTORS).filter((k) => k.length < 4)
    expect(short).toEqual([...'0123456789'].map((d) => `${d}q~`))
  })
})

describe('the more specific format wins, and only one reports', () => {
  test('an OpenRouter key (`sk-or-v1-`) is not an OpenAI key', () => {
    const key = ['sk', 'or', 'v1', fake(64, HEX, 'x-1')].join('-')
    expect(rules(`OPENAI_API_KEY=${key}`)).toEqual(['secret/openrouter-api-key'])
  })

  test('a DeepSeek key is one only near its name; the bare shape is nobody’s', () => {
    const key = ['sk', fake(32, HEX, 'x-2')].join('-')
    expect(rules(`DEEPSEEK_API_KEY=${key}`)).toEqual(['secret/deepseek-api-key'])
    const elsewhere = rules(`OPENAI_API_KEY=${key}`)
    expect(elsewhere).not.toContain('secret/deepseek-api-key')
    expect(elsewhere).not.toContain('secret/openai-api-key')
  })

  test('an ElevenLabs key (`sk_` + 48 hex) is not a Stripe key', () => {
    const key = ['sk', fake(48, HEX, 'x-3')].join('_')
    expect(rules(`ELEVENLABS_API_KEY=${key}`)).toEqual(['secret/elevenlabs-api-key'])
    const elsewhere = rules(`STRIPE_SECRET_KEY=${key}`)
    expect(elsewhere).not.toContain('secret/elevenlabs-api-key')
    expect(elsewhere).not.toContain('secret/stripe-secret-key')
  })

  test('a prefixed token is not also an unprefixed one of the same provider', () => {
    const vcp = ['vcp', fake(24, ALNUM, 'x-4')].join('_')
    expect(rules(`VERCEL_TOKEN=${vcp}`)).toEqual(['secret/vercel-token'])
    const sq = ['squ', fake(40, HEX, 'x-5')].join('_')
    expect(rules(`SONAR_TOKEN=${sq}`)).toEqual(['secret/sonar-token'])
    const pat = ['CCIPAT', fake(22, ALNUM, 'x-6'), fake(40, HEX, 'x-7')].join('_')
    expect(rules(`CIRCLECI_TOKEN=${pat}`)).toEqual(['secret/circleci-token'])
  })

  test('a token inside a URL is reported as the token', () => {
    const pw = ['pscale', 'pw', fake(43, ALNUM, 'x-8')].join('_')
    expect(rules(`mysql://app:${pw}@aws.connect.psdb.cloud/db`)).toEqual([
      'secret/planetscale-token',
    ])
  })

  test('a Supabase access token and a service_role key side by side are both reported', () => {
    const sbp = ['sbp', fake(40, HEX, 'x-9')].join('_')
    const [serviceRole] = DETECTORS.find(
      (d) => d.id === 'secret/supabase-service-role-key',
    )!.samples.match()
    expect(rules(`SUPABASE_ACCESS_TOKEN=${sbp}\n${serviceRole}\n`)).toEqual([
      'secret/supabase-access-token',
      'secret/supabase-service-role-key',
    ])
  })
})

describe('Gemini keys are Google API keys, said so', () => {
  const key = () => 'AI' + 'za' + fake(35, B64URL, 'gem-1')

  test('in a Gemini context: labelled as one, an error', () => {
    const [f] = scan(`GEMINI_API_KEY=${key()}`)
    expect([f.rule, f.message, f.severity]).toEqual([
      'secret/google-api-key',
      'Google API key (Gemini) in dist/app.js',
      'error',
    ])
  })

  test('elsewhere: a Google API key, a warning (browser keys ship by design)', () => {
    const [f] = scan(`firebase.initializeApp({ apiKey: "${key()}" })`)
    expect([f.rule, f.message, f.severity]).toEqual([
      'secret/google-api-key',
      'Google API key in dist/app.js',
      undefined,
    ])
  })
})

describe("a generic name binds a value inside the provider's block only", () => {
  const owner = /heroku/gi
  const at = (text: string) => insideBlockOf(owner, text, text.indexOf('VALUE'))

  test.each([
    ['a constructor call on the same line', 'new Heroku({ token: VALUE })'],
    ['a deeper YAML line', 'heroku:\n  api:\n    token: VALUE'],
    ['a sibling of the provider named as a value', 'deploy:\n  provider: heroku\n  api_key: VALUE'],
    ['an INI section', '[heroku]\napi_key = VALUE'],
    ['pretty JSON', '{\n  "heroku": {\n    "token": "VALUE"\n  }\n}'],
    ['YAML inside a string literal', 'x = "heroku:\\n  token: VALUE\\n"'],
  ])('inside: %s', (_, text) => {
    expect(at(text)).toBe(true)
  })

  test.each([
    ['a closed block', '{ heroku: { app: "a" }, sentry: { token: VALUE } }'],
    ['a sibling YAML key', 'heroku:\n  app: a\nsentry:\n  token: VALUE'],
    ['the next statement', 'const h = heroku(); const token = VALUE'],
    ['another section', '[heroku]\napp = a\n[sentry]\ntoken = VALUE'],
    ['a comment line above', '# heroku\nTOKEN=VALUE'],
    ['another value first', `heroku: { app: "${fake(20, ALNUM, 'blk-1')}", token: VALUE }`],
    ['too far', `heroku:\n${'  # ...\n'.repeat(30)}  token: VALUE`],
  ])('outside: %s', (_, text) => {
    expect(at(text)).toBe(false)
  })

  test('end to end: a UUID under a generic name in a Heroku block, and not in the next one', () => {
    expect(rules(`heroku:\n  api_key: ${uuid('blk-2')}\n`)).toEqual(['secret/heroku-api-key'])
    expect(rules(`heroku:\n  app: a\nsnyk:\n  api_key: ${uuid('blk-3')}\n`)).toEqual([])
  })
})
