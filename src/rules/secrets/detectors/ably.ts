import { boundDetector, mixedCase } from '../kit/bound.js'
import { B64URL, fake } from '../kit/samples.js'
import { mixed } from '../kit/service-samples.js'

/** `<app id>.<key id>:<secret>`: a shape of Ably's own, found near the word "ably". */
export const ablyApiKey = boundDetector({
  id: 'secret/ably-api-key',
  title: 'Ably API key',
  provider: 'Ably',
  description:
    'An Ably API key (`<6-character app id>.<6-character key id>:<43-character secret>`) near "ably".',
  near: ['ably'],
  value: '[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_+/=-]{43}',
  chars: 'A-Za-z0-9_+/=.:-',
  shapeBinds: true,
  verify: (v) => mixedCase(v.slice(14)),
  samples: {
    match: () => [
      `ABLY_API_KEY=${fake(6, B64URL, 'ab-1')}.${fake(6, B64URL, 'ab-2')}:${mixed(43, 'ab-3')}`,
      `const client = new Ably.Realtime("${fake(6, B64URL, 'ab-4')}.${fake(6, B64URL, 'ab-5')}:${mixed(43, 'ab-6')}")`,
    ],
    noMatch: () => [
      'const client = new Ably.Realtime("xVLyHw.XXXXXX:' + 'x'.repeat(43) + '")',
      'const client = new Ably.Realtime({ key: process.env.ABLY_API_KEY })',
      // the shape without Ably nearby
      `const k = "${fake(6, B64URL, 'ab-7')}.${fake(6, B64URL, 'ab-8')}:${mixed(43, 'ab-9')}"`,
    ],
  },
})
