import { boundDetector } from '../kit/bound.js'
import { uuid } from '../kit/service-samples.js'

/**
 * `api-<uuid>` access tokens and `sdk-<uuid>` server-side SDK keys (mobile `mob-` keys and
 * client-side ids ship in apps). `api-` and `sdk-` are everywhere in code and a UUID after
 * them may be anyone's id, so they are looked for near the word "launchdarkly".
 */
export const launchdarklyKey = boundDetector({
  id: 'secret/launchdarkly-key',
  title: 'LaunchDarkly SDK key or access token',
  provider: 'LaunchDarkly',
  description:
    'A LaunchDarkly server-side SDK key (`sdk-` + a UUID) or API access token (`api-` + a UUID) near "launchdarkly" or "LDClient".',
  near: ['launchdarkly', 'ldclient'],
  value: '(?:sdk|api)-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}',
  chars: 'A-Za-z0-9_-',
  shapeBinds: true,
  samples: {
    match: () => [
      `LAUNCHDARKLY_SDK_KEY=sdk-${uuid('ld-1')}`,
      `const ldClient = LD.init("sdk-${uuid('ld-2')}")`,
      `LD_API_TOKEN=api-${uuid('ld-3')} # read by the ldClient`,
    ],
    noMatch: () => [
      'LAUNCHDARKLY_SDK_KEY=sdk-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      `const ldClient = LaunchDarkly.initialize("mob-${uuid('ld-4')}")`,
      `const requestId = "api-${uuid('ld-5')}"`,
    ],
  },
})
