import { boundDetector, hexish, unboundSamples } from '../kit/keyword-bound.js'
import { ALNUM, fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'
import { defineDetector, type Hit } from '../engine/types.js'

/**
 * A status badge's token (`…/svg?circle-token=…` in a README) has the Status scope only and is
 * meant to be shown: CircleCI's docs put it in badge markup. Not a leak.
 */
const inBadgeUrl = (text: string, start: number) =>
  /\.(?:svg|png)\?[^\s"'<>()]*circle-token=$/i.test(text.slice(Math.max(0, start - 300), start))

const circleciPrefixed = tokenDetector({
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
      `<img src="https://dl.circleci.com/status-badge/img/gh/acme/app/tree/main.svg?circle-token=${['CCIPRJ', fake(22, ALNUM, 'cci-13'), fake(40, HEX, 'cci-14')].join('_')}">`,
    ],
  },
})

export const circleciToken = defineDetector({
  ...circleciPrefixed,
  find(text, at, ctx) {
    const hit = circleciPrefixed.find!(text, at, ctx) as Hit | undefined
    return hit && inBadgeUrl(text, hit.start) ? undefined : hit
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
  except: inBadgeUrl,
  samples: {
    match: () => [
      `CIRCLECI_TOKEN=${fake(40, HEX, 'cci-7')}\n`,
      `curl -H "Circle-Token: ${fake(40, HEX, 'cci-8')}" https://circleci.com/api/v2/me`,
    ],
    noMatch: () => [
      ...unboundSamples('CIRCLECI_TOKEN', 'circleci', fake(40, HEX, 'cci-9')),
      `CIRCLE_SHA1=${fake(40, HEX, 'cci-10')}`,
      `circleci:\n  sha: ${fake(40, HEX, 'cci-11')}\n`,
      // a status badge's token is shown by design
      `[![CircleCI](https://circleci.com/gh/acme/app.svg?style=shield&circle-token=${fake(40, HEX, 'cci-12')})](https://circleci.com/gh/acme/app)`,
    ],
  },
})
