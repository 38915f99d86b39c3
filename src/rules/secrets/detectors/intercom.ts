import { boundDetector, decode64 } from '../kit/bound.js'
import { B64, fake } from '../kit/samples.js'
import { uuid } from '../kit/service-samples.js'

/** Intercom access tokens are base64 of `tok:<uuid>:<version>:<number>`. */
export const intercomAccessToken = boundDetector({
  id: 'secret/intercom-access-token',
  title: 'Intercom access token',
  provider: 'Intercom',
  description:
    'An Intercom access token (base64 ending in `=`, of `tok:…`) near "intercom", named for it (`INTERCOM_ACCESS_TOKEN`) or `token`/`accessToken` inside an Intercom block; one that does not decode to `tok:` is only unverified.',
  near: ['intercom'],
  value: '[A-Za-z0-9+/]{40,120}={1,2}',
  chars: 'A-Za-z0-9+/=',
  names: /^intercom(?:api|access|app)*(?:token|key)$/,
  blockNames: /^(?:access|api)?token$/,
  verify: (v) =>
    decode64(v)?.startsWith('tok:') ? undefined : 'it does not decode to an Intercom token (tok:…)',
  samples: {
    match: () => [
      `INTERCOM_ACCESS_TOKEN=${tok('ic-1')}`,
      `const client = new Intercom.Client({ tokenAuth: { token: "${tok('ic-2')}" } }) // intercom`,
    ],
    noMatch: () => [
      'INTERCOM_ACCESS_TOKEN=<your access token>',
      `intercom: { appId: "abc" }, other: { token: "${tok('ic-3')}" }`,
    ],
    unverified: () => [`INTERCOM_ACCESS_TOKEN=${fake(58, B64, 'ic-4')}==`],
  },
})

const tok = (seed: string) =>
  Buffer.from(
    `tok:${uuid(seed)}:${fake(1, '12', seed)}:${fake(1, '123456789', `${seed}n`)}`,
  ).toString('base64')
