import { describe, expect, test } from '@jest/globals'
import { doubt } from '../src/rules/secrets/kit/placeholder.js'
import { ALNUM, B64, fake, HEX } from '../src/rules/secrets/kit/samples.js'

// "Real credentials only": what a release gate must not fail on, beside what it must still
// fail on. Detector samples (secrets.test.ts) cover each provider; these cover the judgements
// shared by all of them.

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
