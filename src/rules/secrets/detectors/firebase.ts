import { B64URL, fake } from '../kit/samples.js'
import { markerDetector } from '../kit/marker.js'
import { B, E } from '../kit/token.js'

/** Found at `:APA91b`, then matched from the `AAAA` and 7 characters before it. */
export const firebaseServerKey = markerDetector({
  id: 'secret/firebase-server-key',
  title: 'Firebase Cloud Messaging server key',
  provider: 'Firebase',
  description:
    'A Firebase Cloud Messaging legacy server key (`AAAA` + 7 characters, `:APA91b`, 134 characters), which sends push messages to every user of the app.',
  keywords: [':apa91b'],
  before: 11,
  pattern: `${B}AAAA[A-Za-z0-9_-]{7}:APA91b(?<body>[A-Za-z0-9_-]{134})${E}`,
  shown: 4,
  samples: {
    match: () => [
      `const FCM_SERVER_KEY = "AAAA${fake(7, B64URL, 'fcm-1')}:APA91b${fake(134, B64URL, 'fcm-2')}"`,
      `headers: { Authorization: "key=AAAA${fake(7, B64URL, 'fcm-3')}:APA91b${fake(60, B64URL, 'fcm-4')}AAAA${fake(70, B64URL, 'fcm-5')}" }`,
    ],
    noMatch: () => [
      `key=AAAA${'x'.repeat(7)}:APA91b${'x'.repeat(134)}`,
      'serverKey: "AAAA...:APA91b..."',
      `AAAA${fake(7, B64URL, 'fcm-6')}:APA91b${fake(100, B64URL, 'fcm-7')}`,
      // a device registration token has no AAAA sender part
      `"to": "${fake(11, B64URL, 'fcm-8')}:APA91b${fake(134, B64URL, 'fcm-9')}"`,
    ],
  },
})
