import { boundDetector } from '../kit/keyword-bound.js'
import { ALNUM, B64URL, fake, HEX } from '../kit/samples.js'

const pat = (kind: string, seed: string) =>
  [kind, fake(22, B64URL, seed), fake(24, HEX, seed + 'b'), fake(20, ALNUM, seed + 'c')].join('.')

/** `pat.` alone is everywhere in code (`pat.test(`): a token is found near the word Harness. */
export const harnessToken = boundDetector({
  id: 'secret/harness-token',
  title: 'Harness API token',
  provider: 'Harness',
  description:
    'A Harness personal access token (`pat.`) or service account token (`sat.`): account id (22), token id (24 hex), secret (20), joined by dots, near the word Harness.',
  near: ['harness'],
  before: 512,
  after: 512,
  value: '(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}',
  chars: 'A-Za-z0-9_.-',
  anywhere: true,
  samples: {
    match: () => [
      `HARNESS_API_KEY=${pat('pat', 'harness-1')}`,
      `harness:\n  token: ${pat('sat', 'harness-2')}\n`,
    ],
    noMatch: () => [
      `HARNESS_API_KEY=pat.${'x'.repeat(22)}.${'x'.repeat(24)}.${'x'.repeat(20)}`,
      'HARNESS_API_KEY=pat.<account>.<id>.<secret>',
      pat('pat', 'harness-3'),
    ],
  },
})
