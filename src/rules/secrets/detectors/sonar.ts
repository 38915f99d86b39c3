import { boundDetector, hexish, unboundSamples } from '../kit/keyword-bound.js'
import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const KINDS: Record<string, string> = {
  u: 'SonarQube user token',
  p: 'SonarQube project analysis token',
  a: 'SonarQube global analysis token',
}

export const sonarToken = tokenDetector({
  id: 'secret/sonar-token',
  title: 'SonarQube token',
  provider: 'SonarQube / SonarCloud',
  description:
    'A SonarQube user (`squ_`), project analysis (`sqp_`) or global analysis (`sqa_`) token: 40 hex characters.',
  keywords: ['squ_', 'sqp_', 'sqa_'],
  guards: { squ_: '[0-9a-f]{40}', sqp_: '[0-9a-f]{40}', sqa_: '[0-9a-f]{40}' },
  pattern: `${B}sq([upa])_(?<body>[0-9a-f]{40})${E}`,
  label: (m) => KINDS[m[1]],
  samples: {
    match: () => [
      `SONAR_TOKEN=${['squ', fake(40, HEX, 'sq-1')].join('_')}`,
      `sonar.token=${['sqp', fake(40, HEX, 'sq-2')].join('_')}`,
    ],
    noMatch: () => [
      'sqp_' + 'x'.repeat(40),
      ['squ', fake(30, HEX, 'sq-3')].join('_'),
      'SONAR_TOKEN=squ_<token>',
      'const squ_root = Math.sqrt(x)',
    ],
  },
})

/** SonarCloud and older SonarQube tokens: 40 hex characters, bound by name or block. */
export const sonarLegacyToken = boundDetector({
  id: 'secret/sonar-legacy-token',
  title: 'SonarQube / SonarCloud token (unprefixed)',
  provider: 'SonarQube / SonarCloud',
  description:
    'A SonarCloud or older SonarQube token (40 hex characters), named as one (`SONAR_TOKEN`, `sonar.login`, `sonar.token`) or as `token` inside a Sonar block.',
  near: ['sonar'],
  value: '[0-9a-f]{40}',
  chars: 'A-Za-z0-9_-',
  names: /^sonar(?:qube|cloud)?(?:login|token|authtoken)$/,
  generic: /^(?:login|token)$/,
  verify: (v) => (hexish(v) ? undefined : false),
  samples: {
    match: () => [
      `SONAR_TOKEN=${fake(40, HEX, 'sq-4')}\n`,
      `sonar.host.url=https://sonarcloud.io\nsonar.login=${fake(40, HEX, 'sq-5')}\n`,
    ],
    noMatch: () => [
      ...unboundSamples('SONAR_TOKEN', 'sonar', fake(40, HEX, 'sq-6')),
      `sonar.scm.revision=${fake(40, HEX, 'sq-7')}`,
    ],
  },
})
