import { boundDetector, mixed, unboundSamples } from '../kit/keyword-bound.js'
import { ALNUM, fake } from '../kit/samples.js'

export const travisToken = boundDetector({
  id: 'secret/travis-token',
  title: 'Travis CI API token',
  provider: 'Travis CI',
  description:
    'A Travis CI API token (22 letters and digits), named as one (`TRAVIS_TOKEN`, `TRAVIS_API_TOKEN`) or as `token` inside a Travis block.',
  near: ['travis'],
  value: '[A-Za-z0-9]{22}',
  chars: 'A-Za-z0-9_-',
  names: /^travis(?:ci)?(?:api|access)?token$/,
  generic: /^(?:api|access)?token$/,
  verify: (v) => (mixed(v) ? undefined : false),
  samples: {
    match: () => [
      `TRAVIS_TOKEN=${fake(22, ALNUM, 'travis-1')}\n`,
      `travis:\n  api_token: ${fake(22, ALNUM, 'travis-2')}\n`,
    ],
    noMatch: () => [
      ...unboundSamples('TRAVIS_TOKEN', 'travis', fake(22, ALNUM, 'travis-3')),
      `TRAVIS_BUILD_ID=${fake(22, ALNUM, 'travis-4')}`,
    ],
  },
})
