import { boundDetector, unboundSamples, uuid } from '../kit/keyword-bound.js'
import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const herokuToken = tokenDetector({
  id: 'secret/heroku-token',
  title: 'Heroku API token',
  provider: 'Heroku',
  description: 'A Heroku API token in the current format (`HRKU-AA` + 58 characters).',
  keywords: ['hrku-aa'],
  pattern: `${B}HRKU-AA(?<body>[A-Za-z0-9_-]{58})${E}`,
  samples: {
    match: () => [`HEROKU_API_KEY=${['HRKU', 'AA' + fake(58, B64URL, 'hk-1')].join('-')}`],
    noMatch: () => [
      'HRKU-AA' + 'x'.repeat(58),
      ['HRKU', 'AA' + fake(40, B64URL, 'hk-2')].join('-'),
      'HEROKU_API_KEY=HRKU-AA...',
    ],
    unverified: () => [
      ['HRKU', 'AA' + fake(30, B64URL, 'hk-10') + 'mocktoken' + fake(19, B64URL, 'hk-11')].join(
        '-',
      ),
    ],
  },
})

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

/** The older format is a bare UUID: bound to Heroku by its name or its place in a Heroku block. */
export const herokuApiKey = boundDetector({
  id: 'secret/heroku-api-key',
  title: 'Heroku API key',
  provider: 'Heroku',
  description:
    'A Heroku API key in the older format (a UUID), named as one (`HEROKU_API_KEY`, `herokuApiToken`) or as `apiKey`/`token` inside a Heroku block.',
  near: ['heroku'],
  value: UUID,
  chars: 'A-Za-z0-9_-',
  names: /^heroku(?:cli|platform)?(?:api)?(?:key|token|authtoken|accesstoken)$/,
  generic: /^(?:api)?(?:key|token)$|^(?:auth|access)token$/,
  samples: {
    match: () => [
      `HEROKU_API_KEY=${uuid('hk-3')}\n`,
      `HEROKU_API_KEY=${uuid('hk-9').slice(0, 24)}0000${uuid('hk-9').slice(28)}\n`,
      `deploy:\n  provider: heroku\n  api_key: ${uuid('hk-4')}\n`,
      `const heroku = new Heroku({ token: '${uuid('hk-5')}' })`,
    ],
    noMatch: () => [
      ...unboundSamples('HEROKU_API_KEY', 'heroku', uuid('hk-6')),
      `HEROKU_APP_ID=${uuid('hk-7')}`,
      'HEROKU_API_KEY=00000000-0000-0000-0000-000000000000',
      `heroku addons:attach ${uuid('hk-8')}`,
    ],
  },
})
