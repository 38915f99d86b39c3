import { boundDetector, Q } from '../kit/bound.js'
import { B64URL, fake, HEX } from '../kit/samples.js'
import { mixed } from '../kit/service-samples.js'

/** REST API keys are 20 characters (user tokens `u+` and 18); integration keys are 32 hex. */
export const pagerdutyApiKey = boundDetector({
  id: 'secret/pagerduty-api-key',
  title: 'PagerDuty API key',
  provider: 'PagerDuty',
  description:
    'A PagerDuty REST API key (20 characters, user tokens `u+`…) or Events integration key (32 hex) near "pagerduty", named for it (`PAGERDUTY_API_KEY`, `pagerdutyRoutingKey`), `token`/`routingKey` inside a PagerDuty block, or after `Token token=`.',
  near: ['pagerduty'],
  value: 'u\\+[A-Za-z0-9_-]{18}|[A-Za-z0-9_+-]{20}|[0-9a-f]{32}',
  chars: 'A-Za-z0-9_+-',
  names:
    /^(?:pagerduty|pd)(?:api|rest|user|routing|integration|service|events|eventsv2)*(?:key|token)$/,
  blockNames: /^(?:api|rest|routing|integration|service)?(?:key|token)$/,
  place: new RegExp(`Token token=${Q}?$`),
  verify: (v) =>
    v.length === 32 || (/[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9_+-]/.test(v))
      ? undefined
      : false,
  samples: {
    match: () => [
      `PAGERDUTY_API_KEY=${mixed(17, 'pd-1')}_${fake(2, HEX, 'pd-2')}`,
      `headers: { Authorization: "Token token=${mixed(20, 'pd-3')}" } // pagerduty`,
      `pagerduty:\n  routing_key: ${fake(32, HEX, 'pd-4')}\n`,
    ],
    noMatch: () => [
      'PAGERDUTY_API_KEY=' + 'x'.repeat(20),
      'PAGERDUTY_API_KEY=${PD_KEY}',
      `pagerduty:\n  service: web\ndatadog:\n  token: ${fake(20, B64URL, 'pd-5')}\n`,
    ],
  },
})
