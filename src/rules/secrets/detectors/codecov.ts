import { boundDetector, unboundSamples, uuid } from '../kit/keyword-bound.js'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

export const codecovToken = boundDetector({
  id: 'secret/codecov-token',
  title: 'Codecov upload token',
  provider: 'Codecov',
  description:
    "A Codecov upload or API token (a UUID), named as one (`CODECOV_TOKEN`) or as `token` inside a Codecov block (`codecov.yml`, the action's `with:`).",
  near: ['codecov'],
  value: UUID,
  chars: 'A-Za-z0-9_-',
  names: /^codecov(?:upload|api|access)?token$/,
  generic: /^(?:upload)?token$/,
  samples: {
    match: () => [
      `CODECOV_TOKEN=${uuid('codecov-1')}\n`,
      `- uses: codecov/codecov-action@v4\n  with:\n    token: ${uuid('codecov-2')}\n`,
    ],
    noMatch: () => [
      ...unboundSamples('CODECOV_TOKEN', 'codecov', uuid('codecov-3')),
      '- uses: codecov/codecov-action@v4\n  with:\n    token: ${{ secrets.CODECOV_TOKEN }}\n',
    ],
  },
})
