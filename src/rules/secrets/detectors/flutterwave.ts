import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** Live secret keys only (`FLWSECK_TEST-` keys move no money; `FLWPUBK-` keys are public). */
export const flutterwaveSecretKey = tokenDetector({
  id: 'secret/flutterwave-secret-key',
  title: 'Flutterwave secret key',
  provider: 'Flutterwave',
  description: 'A Flutterwave live secret key (`FLWSECK-` + 32 hex + `-X`).',
  keywords: ['flwseck-'],
  pattern: `${B}FLWSECK-(?<body>[0-9a-f]{32})-X${E}`,
  samples: {
    match: () => [`FLW_SECRET_KEY=FLWSECK-${fake(32, HEX, 'fw-1')}-X`],
    noMatch: () => [
      `FLWSECK_TEST-${fake(32, HEX, 'fw-2')}-X`,
      `FLWPUBK-${fake(32, HEX, 'fw-3')}-X`,
      'FLWSECK-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X',
    ],
  },
})
