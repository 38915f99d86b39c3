import { boundDetector, mixed, unboundSamples } from '../kit/keyword-bound.js'
import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const KINDS: Record<string, string> = {
  p: 'Vercel personal access token',
  i: 'Vercel integration token',
  a: 'Vercel app access token',
  r: 'Vercel app refresh token',
  k: 'Vercel API key',
}

export const vercelToken = tokenDetector({
  id: 'secret/vercel-token',
  title: 'Vercel token',
  provider: 'Vercel',
  description:
    'A Vercel token in the prefixed format: personal access token (`vcp_`), integration token (`vci_`), app access or refresh token (`vca_`, `vcr_`), API key (`vck_`), then 24-64 letters and digits.',
  keywords: Object.keys(KINDS).map((k) => `vc${k}_`),
  pattern: `${B}vc([piark])_(?<body>[A-Za-z0-9]{24,64})${E}`,
  label: (m) => KINDS[m[1]],
  verify: (m) => (mixed(m.groups!.body) ? undefined : false),
  samples: {
    match: () => [
      `VERCEL_TOKEN=${['vcp', fake(56, ALNUM, 'vc-1')].join('_')}`,
      `headers: { Authorization: "Bearer ${['vck', fake(48, ALNUM, 'vc-2')].join('_')}" }`,
    ],
    noMatch: () => [
      'vcp_' + 'x'.repeat(40),
      'my_vcr_cassette_library_dir = "fixtures/vcr_cassettes"',
      ['vcp', fake(16, ALNUM, 'vc-3')].join('_'),
      'VERCEL_TOKEN=vcp_<token>',
      'vcr_cassettesdirectoryforrecordedtests',
    ],
  },
})

/** Tokens made before the prefixes: 24 letters and digits, bound to Vercel by name or block. */
export const vercelLegacyToken = boundDetector({
  id: 'secret/vercel-legacy-token',
  title: 'Vercel access token (unprefixed)',
  provider: 'Vercel',
  description:
    'A Vercel access token made before prefixes (24 letters and digits), named as one (`VERCEL_TOKEN`, `vercelApiToken`) or as `token` inside a Vercel block.',
  near: ['vercel'],
  value: '[A-Za-z0-9]{24}',
  chars: 'A-Za-z0-9_-',
  names: /^vercel(?:api|access|auth|deploy|cli)?(?:token|key)$/,
  generic: /^(?:api|access|auth)?token$/,
  verify: (v) => (mixed(v) ? undefined : false),
  samples: {
    match: () => [
      `VERCEL_TOKEN=${fake(24, ALNUM, 'vc-4')}\n`,
      `vercel:\n  token: "${fake(24, ALNUM, 'vc-5')}"\n`,
    ],
    noMatch: () => [
      ...unboundSamples('VERCEL_TOKEN', 'vercel', fake(24, ALNUM, 'vc-6')),
      `VERCEL_ORG_ID=team_${fake(24, ALNUM, 'vc-7')}`,
      `VERCEL_PROJECT_ID=${fake(24, ALNUM, 'vc-8')}`,
      'VERCEL_TOKEN=abcdefghijklmnopqrstuvwx',
    ],
  },
})
