import { boundDetector, mixed, unboundSamples } from '../kit/keyword-bound.js'
import { B64, fake } from '../kit/samples.js'

/** The API key (16 characters) is an identifier; the secret (64 base64 characters) is bound. */
export const confluentApiSecret = boundDetector({
  id: 'secret/confluent-api-secret',
  title: 'Confluent Cloud API secret',
  provider: 'Confluent',
  description:
    'A Confluent Cloud API secret (64 base64 characters), named as one (`CONFLUENT_CLOUD_API_SECRET`, `confluentApiSecret`) or as `secret`/`password` inside a Confluent block.',
  near: ['confluent'],
  value: '[A-Za-z0-9+/]{64}',
  chars: 'A-Za-z0-9+/_-',
  names: /^confluent(?:cloud)?(?:kafka|schemaregistry|sr)?(?:api)?secret$/,
  generic: /^(?:api)?secret$|^(?:sasl)?password$/,
  verify: (v) => (mixed(v) ? undefined : false),
  samples: {
    match: () => [
      `CONFLUENT_CLOUD_API_SECRET=${fake(64, B64, 'cfl-2')}\n`,
      `confluent:\n  bootstrap: pkc-1.eu-west-1.aws.confluent.cloud:9092\n  api_secret: ${fake(64, B64, 'cfl-3')}\n`,
    ],
    noMatch: () => [
      ...unboundSamples('CONFLUENT_CLOUD_API_SECRET', 'confluent', fake(64, B64, 'cfl-4')),
      `CONFLUENT_CLOUD_API_SECRET=${fake(64, '0123456789abcdef', 'cfl-5')}`,
    ],
  },
})
