import { describe, expect, test } from '@jest/globals'
import type { RawFinding } from '../src/findings.js'
import { scanSecrets } from '../src/rules/secrets/scan.js'
import { ALNUM, checksummed, fake } from '../src/rules/secrets/kit/samples.js'
import { judgeCredential } from '../src/rules/secrets/kit/credential-value.js'
import { checkBytes } from './helpers/check.js'
import { npmTgz } from './helpers/tar.js'

// secret/generic-credential beyond its samples (detectors/generic-credential-samples.ts): where
// a file is, what a provider detector already found, and the severity each preset gives it.

const GENERIC = 'secret/generic-credential'
const key = (seed: string) => fake(32, ALNUM, `generic-${seed}`)

function rules(text: string, file = 'dist/app.js'): string[] {
  const out: RawFinding[] = []
  scanSecrets(text, file, (f) => out.push(f))
  return out.map((f) => f.rule)
}

describe('secret/generic-credential', () => {
  test.each(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'packages/a/package-lock.json'])(
    'never in a lock file: %s',
    (file) => {
      expect(rules(`{"token": "${key('lock')}", "password": "${key('lock-2')}"}`, file)).toEqual([])
    },
  )

  test.each(['test/config.js', 'src/__tests__/api.ts', 'fixtures/env.js', 'lib/api.spec.js'])(
    'in test code only unverified: %s',
    (file) => {
      expect(rules(`const apiKey = "${key('test')}"`, file)).toEqual(['secret/unverified'])
    },
  )

  test('a provider detector that finds the value wins', () => {
    const gh = checksummed('gh' + 'p_', 'generic-gh')
    expect(rules(`GITHUB_TOKEN=${gh}\nconst token = "${gh}"`)).toEqual([
      'secret/github-token',
      'secret/github-token',
    ])
  })

  test('config files take bare values; code does not', () => {
    const text = `api_key: ${key('bare')}\n`
    expect(rules(text, 'config/prod.yml')).toEqual([GENERIC])
    expect(rules(`x = { api_key: ${key('bare')}, b: 1 }`, 'dist/app.js')).toEqual([])
  })

  test.each([
    ['a password of mixed kinds', 'Tr0ub4dor&3x', 'password', undefined],
    ['a password of one kind', 'correcthorse', 'password', 'no'],
    ['a short key', fake(12, ALNUM, 'short'), 'other', 'no'],
    ['words', 'PaymentGatewayKeyName', 'other', 'no'],
    ['a random key', key('random'), 'other', undefined],
  ] as const)('judges %s', (_, value, kind, verdict) => {
    expect(judgeCredential(value, kind)).toBe(verdict)
  })

  test('a warning in recommended, an error in strict', async () => {
    const pkg = npmTgz({
      'package.json': '{"name":"p","version":"1.0.0"}',
      'lib/client.js': `module.exports = { apiKey: "${key('preset')}" }\n`,
    })
    const severities = async (yaml?: string) =>
      (await checkBytes('p.tgz', pkg, yaml)).findings
        .filter((f) => f.rule.startsWith('secret/'))
        .map((f) => [f.rule, f.severity])
    expect(await severities()).toEqual([[GENERIC, 'warning']])
    expect(await severities('extends: strict\n')).toEqual([[GENERIC, 'error']])
  })
})
