import { boundDetector, lettersAndDigits, Q } from '../kit/bound.js'
import { mixed } from '../kit/service-samples.js'

export const messagebirdAccessKey = boundDetector({
  id: 'secret/messagebird-access-key',
  title: 'MessageBird access key',
  provider: 'MessageBird',
  description:
    'A MessageBird (Bird) live access key (25 letters and digits) near "messagebird", named for it (`MESSAGEBIRD_API_KEY`, `messagebirdAccessKey`) or the argument of `messagebird(…)` / `initClient(…)`.',
  near: ['messagebird'],
  value: '[A-Za-z0-9]{25}',
  names: /^messagebird(?:api|access|live)?key$/,
  blockNames: /^(?:api|access)?key$/,
  place: new RegExp(`(?:messagebird|initClient)\\)?\\([ \\t]*${Q}$`, 'i'),
  verify: lettersAndDigits,
  samples: {
    match: () => [
      `MESSAGEBIRD_API_KEY=${mixed(25, 'mb-1')}`,
      `const messagebird = require('messagebird').initClient('${mixed(25, 'mb-2')}')`,
    ],
    noMatch: () => [
      "const messagebird = require('messagebird')('<YOUR_ACCESS_KEY>')",
      'MESSAGEBIRD_API_KEY=' + 'x'.repeat(25),
    ],
  },
})
