import { boundDetector } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'

/** The app key is public (browsers use it); the app secret signs server requests. */
export const pusherSecret = boundDetector({
  id: 'secret/pusher-secret',
  title: 'Pusher app secret',
  provider: 'Pusher',
  description:
    'A Pusher Channels app secret (20 hex) near "pusher", named for it (`PUSHER_APP_SECRET`) or `secret` inside a Pusher block; the app key is public and not reported.',
  near: ['pusher'],
  value: '[0-9a-f]{20}',
  names: /^pusher(?:app)?secret$/,
  blockNames: /^(?:app)?secret$/,
  samples: {
    match: () => [
      `PUSHER_APP_ID=1234567\nPUSHER_APP_KEY=${fake(20, HEX, 'pu-1')}\nPUSHER_APP_SECRET=${fake(20, HEX, 'pu-2')}\n`,
      `const pusher = new Pusher({ appId: "1", key: "${fake(20, HEX, 'pu-3')}", secret: "${fake(20, HEX, 'pu-4')}", cluster: "eu" })`,
    ],
    noMatch: () => [
      `const pusher = new Pusher("${fake(20, HEX, 'pu-5')}", { cluster: "eu" })`,
      'PUSHER_APP_SECRET=${PUSHER_SECRET}',
    ],
  },
})
