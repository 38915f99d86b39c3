import { boundDetector, unboundSamples, uuid } from '../kit/keyword-bound.js'
import { nextAfter } from '../kit/binding.js'
import { boundary } from '../kit/token.js'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const afterAccessKey = nextAfter(`${boundary('A-Za-z0-9')}SCW[A-Z0-9]{17}`, 20)

/** The access key (`SCW…`) is an identifier; the secret key is a UUID bound to it. */
export const scalewaySecretKey = boundDetector({
  id: 'secret/scaleway-secret-key',
  title: 'Scaleway secret key',
  provider: 'Scaleway',
  description:
    'A Scaleway API secret key (a UUID), named as one (`SCW_SECRET_KEY`, `scalewaySecretKey`), as `secret_key` inside a Scaleway block, or the next item after an access key (`SCW…`).',
  near: ['scaleway', 'scw_secret_key', 'scw_access_key'],
  value: UUID,
  chars: 'A-Za-z0-9_-',
  names: /^(?:scaleway|scw)(?:api)?secret(?:key)?$/,
  generic: /^secret(?:key)?$/,
  placed: afterAccessKey,
  samples: {
    match: () => [
      `SCW_ACCESS_KEY=SCW${'X'.repeat(17)}\nSCW_SECRET_KEY=${uuid('scw-1')}\n`,
      `provider "scaleway" {\n  secret_key = "${uuid('scw-2')}"\n}\n`,
    ],
    noMatch: () => [
      ...unboundSamples('SCW_SECRET_KEY', 'scaleway', uuid('scw-3')),
      `SCW_DEFAULT_PROJECT_ID=${uuid('scw-4')}`,
      `SCW_DEFAULT_ORGANIZATION_ID=${uuid('scw-5')}`,
    ],
  },
})
