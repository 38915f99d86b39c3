import { boundDetector, Q } from '../kit/bound.js'
import { fake, LETTERS } from '../kit/samples.js'
import { uuid } from '../kit/service-samples.js'

export const logzioToken = boundDetector({
  id: 'secret/logzio-token',
  title: 'Logz.io token',
  provider: 'Logz.io',
  description:
    'A Logz.io shipping token (32 letters) or API token (a UUID) near "logz.io" or "logzio", named for it (`LOGZIO_TOKEN`, `logzioShippingToken`), `token` inside a Logz.io block, or in a listener URL (`listener.logz.io…?token=`).',
  near: ['logz.io', 'logzio'],
  value: '[A-Za-z]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  chars: 'A-Za-z0-9-',
  block: /logz\.?io/i,
  names: /^logzio(?:shipping|api|metrics|logs|traces)?token$/,
  blockNames: /^(?:shipping|api)?token$/,
  place: new RegExp(`logz\\.io(?::[0-9]{1,5})?/?\\?(?:[a-z]+=[^&\\s"']{0,40}&)?token=${Q}?$`, 'i'),
  verify: (v) => (v.length === 32 && !(/[A-Z]/.test(v) && /[a-z]/.test(v)) ? false : undefined),
  samples: {
    match: () => [
      `LOGZIO_TOKEN=${fake(32, LETTERS, 'lz-1')}`,
      `const url = "https://listener.logz.io:8071/?token=${fake(32, LETTERS, 'lz-2')}&type=nodejs"`,
      `LOGZIO_API_TOKEN=${uuid('lz-3')}`,
    ],
    noMatch: () => [
      'LOGZIO_TOKEN=<<LOG-SHIPPING-TOKEN>>',
      `logzio: { type: "nodejs" }, x: { token: "${fake(32, LETTERS, 'lz-4')}" }`,
    ],
  },
})
