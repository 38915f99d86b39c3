import { boundDetector, hexish, unboundSamples } from '../kit/bound.js'
import { ALNUM, fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const circleciToken = tokenDetector({
  id: 'secret/circleci-token',
  title: 'CircleCI token',
  provider: 'CircleCI',
  description:
    'A CircleCI personal (`CCIPAT_`) or project (`CCIPRJ_`) API token: 22 letters and digits, `_`, 40 hex characters.',
  keywords: ['ccipat_', 'cciprj_'],
  pattern: `${B}CCIP(AT|RJ)_[A-Za-z0-9]{22}_(?<body>[0-9a-f]{40})${E}`,
  label: (m) => (m[1] === 'AT' ? 'CircleCI personal API token' : 'CircleCI project API token'),
  samples: {
    match: () => [
      `CIRCLECI_TOKEN=${['CCIPAT', fake(22, ALNUM, 'cci-1'), fake(40, HEX, 'cci-2')].join('_')}`,
      `circle-token: ${['CCIPRJ', fake(22, ALNUM, 'cci-3'), fake(40, HEX, 'cci-4')].join('_')}`,
    ],
    noMatch: () => [
      `CCIPAT_${'x'.repeat(22)}_${'x'.repeat(40)}`,
      ['CCIPAT', fake(22, ALNUM, 'cci-5'), fake(20, HEX, 'cci-6')].join('_'),
      'CIRCLECI_TOKEN=CCIPAT_...',
    ],
  },
})

/** Tokens made before the prefixes: 40 hex characters, bound to CircleCI by name or block. */
export const circleciLegacyToken = boundDetector({
  id: 'secret/circleci-legacy-token',
  title: 'CircleCI API token (unprefixed)',
  provider: 'CircleCI',
  description:
    'A CircleCI personal or project API token made before prefixes (40 hex characters), named as one (`CIRCLECI_TOKEN`, `CIRCLE_TOKEN`, `Circle-Token:`) or as `token` inside a CircleCI block.',
  near: ['circleci', 'circle_token', 'circle-token', 'circle_api'],
  value: '[0-9a-f]{40}',
  chars: 'A-Za-z0-9_-',
  names: /^circle(?:ci)?(?:api|cli|personal|project)?(?:token|key)$/,
  generic: /^(?:api)?token$/,
  verify: (v) => (hexish(v) ? undefined : false),
  samples: {
    match: () => [
      `CIRCLECI_TOKEN=${fake(40, HEX, 'cci-7')}\n`,
      `curl -H "Circle-Token: ${fake(40, HEX, 'cci-8')}" https://circleci.com/api/v2/me`,
    ],
    noMatch: () => [
      ...unboundSamples('CIRCLECI_TOKEN', 'circleci', fake(40, HEX, 'cci-9')),
      `CIRCLE_SHA1=${fake(40, HEX, 'cci-10')}`,
      `circleci:\n  sha: ${fake(40, HEX, 'cci-11')}\n`,
    ],
  },
})
