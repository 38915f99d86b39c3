import { boundDetector, unboundSamples, uuid } from '../kit/keyword-bound.js'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

export const railwayToken = boundDetector({
  id: 'secret/railway-token',
  title: 'Railway API token',
  provider: 'Railway',
  description:
    'A Railway account, team or project token (a UUID), named as one (`RAILWAY_TOKEN`, `RAILWAY_API_TOKEN`) or as `token` inside a Railway block.',
  near: ['railway'],
  value: UUID,
  chars: 'A-Za-z0-9_-',
  names: /^railway(?:api|project|team|account)?token$/,
  generic: /^(?:api)?token$/,
  samples: {
    match: () => [`RAILWAY_TOKEN=${uuid('rw-1')}\n`, `RAILWAY_API_TOKEN="${uuid('rw-2')}"`],
    noMatch: () => [
      ...unboundSamples('RAILWAY_TOKEN', 'railway', uuid('rw-3')),
      `RAILWAY_PROJECT_ID=${uuid('rw-4')}`,
      `RAILWAY_SERVICE_ID=${uuid('rw-5')}`,
    ],
  },
})
