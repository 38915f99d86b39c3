import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import type { RawFinding } from '../src/findings.js'
import { scanSecrets } from '../src/rules/secrets/scan.js'
import { doubt } from '../src/rules/secrets/kit/placeholder.js'
import { ALNUM, B64, fake, HEX } from '../src/rules/secrets/kit/samples.js'
import { opensshKey, sshKeygen } from '../src/rules/secrets/kit/ssh-keys.js'

// "Real credentials only": what a release gate must not fail on, beside what it must still
// fail on. Detector samples (secrets.test.ts) cover each provider; these cover the judgements
// shared by all of them.

function scan(text: string, file = 'dist/app.js'): RawFinding[] {
  const out: RawFinding[] = []
  scanSecrets(text, file, (f) => out.push(f))
  return out
}
const found = (text: string, file?: string) =>
  scan(text, file).map((f) => [f.rule, f.severity ?? null, f.message])

describe('a value is judged by its whole structure', () => {
  test.each([
    'x'.repeat(40),
    'abcdefghijklmnopqrstuvwxyz0123456789',
    'abcabcabcabcabcabcabc',
    'key_1234',
    'key_7890',
    'secret-9876',
    'PersonalAccessToken' + '0'.repeat(17),
    'YOUR_API_KEY_HERE',
    '<your-token>',
    '${GITHUB_TOKEN}',
    '{{api_key}}',
  ])('made up: %s', (value) => {
    expect(doubt(value)).toBe('placeholder')
  })

  test.each([
    ['AAAA runs inside base64', fake(30, B64, 'whole-1') + 'AAAAAAAA' + fake(30, B64, 'whole-2')],
    [
      'a counting run inside hex',
      fake(20, HEX, 'whole-3') + '123456789' + fake(20, HEX, 'whole-4'),
    ],
    [
      'a zero run inside alphanumerics',
      fake(9, ALNUM, 'whole-5') + '000000' + fake(9, ALNUM, 'whole-6'),
    ],
    ['a password with a year', 'Spring' + '2024'],
    ['a password with a short count', 'Welcome' + '123'],
  ])('random, or typed without a counting body: %s', (_, value) => {
    expect(doubt(value)).toBeUndefined()
  })
})

describe('OpenSSH private keys are found by their content', () => {
  const hasKeygen = sshKeygen('ed25519') !== undefined

  test.each([
    ['ed25519', ''],
    ['rsa', ''],
    ['ed25519', 'passphrase-2'],
  ] as const)('ssh-keygen -t %s (passphrase: %j)', (type, passphrase) => {
    const key = sshKeygen(type, passphrase) ?? opensshKey(type, passphrase)
    const label = passphrase ? 'encrypted OpenSSH private key' : 'OpenSSH private key'
    expect(found(key, 'deploy/id_' + type)).toEqual([
      ['secret/private-key', null, `${label} in deploy/id_${type}`],
    ])
  })

  test('the format written without ssh-keygen is one ssh-keygen reads', () => {
    if (!hasKeygen) return
    const dir = mkdtempSync(join(tmpdir(), 'packguard-ssh-test-'))
    try {
      for (const type of ['ed25519', 'rsa'] as const) {
        const file = join(dir, `id_${type}`)
        writeFileSync(file, opensshKey(type), { mode: 0o600 })
        const pub = execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'latin1' })
        expect(pub).toMatch(type === 'rsa' ? /^ssh-rsa AAAA/ : /^ssh-ed25519 AAAA/)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
