import { boundDetector } from '../kit/keyword-bound.js'
import { ALNUM, DIGITS, fake } from '../kit/samples.js'

/** An authtoken's shape (`2…_1…`) is distinctive but has no prefix: looked for near "ngrok". */
export const ngrokAuthtoken = boundDetector({
  id: 'secret/ngrok-authtoken',
  title: 'ngrok authtoken',
  provider: 'ngrok',
  description:
    'An ngrok authtoken or API key (`2`, 26 letters and digits, `_`, a digit, 20 letters and digits) near the word ngrok.',
  near: ['ngrok'],
  before: 512,
  after: 512,
  value: '2[A-Za-z0-9]{26}_[0-9][A-Za-z0-9]{20}',
  chars: 'A-Za-z0-9_-',
  anywhere: true,
  samples: {
    match: () => [
      `NGROK_AUTHTOKEN=2${fake(26, ALNUM, 'ngrok-1')}_${fake(1, DIGITS, 'ngrok-2')}${fake(20, ALNUM, 'ngrok-3')}`,
      `version: "2"\nagent:\n  authtoken: 2${fake(26, ALNUM, 'ngrok-4')}_5${fake(20, ALNUM, 'ngrok-5')}\n# ~/.config/ngrok/ngrok.yml\n`,
    ],
    noMatch: () => [
      'NGROK_AUTHTOKEN=<your-authtoken>',
      `NGROK_AUTHTOKEN=2${'x'.repeat(26)}_1${'x'.repeat(20)}`,
      `2${fake(26, ALNUM, 'ngrok-6')}_3${fake(20, ALNUM, 'ngrok-7')}`,
    ],
  },
})
