import { boundDetector, Q } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'

/** The public API key is an identifier; its private key is the secret. */
export const mailjetSecretKey = boundDetector({
  id: 'secret/mailjet-secret-key',
  title: 'Mailjet API secret key',
  provider: 'Mailjet',
  description:
    'A Mailjet API secret key (32 hex) near "mailjet", named for it (`MJ_APIKEY_PRIVATE`, `MAILJET_SECRET_KEY`), `apiSecret` inside a Mailjet block, or the second argument of `mailjet.apiConnect(key, secret)`.',
  near: ['mailjet', 'mj_apikey_private'],
  value: '[0-9a-f]{32}',
  block: /mailjet/i,
  names: /^(?:mjapikeyprivate|mailjet(?:api)?(?:secret|private)(?:key)?|mjsecretkey)$/,
  blockNames: /^(?:api)?(?:secret|private)(?:key)?$/,
  place: new RegExp(`(?:apiConnect|connect)\\([ \\t]*${Q}?[0-9a-f]{32}${Q}?[ \\t]*,[ \\t]*${Q}$`),
  samples: {
    match: () => [
      `MJ_APIKEY_PUBLIC=${fake(32, HEX, 'mj-1')}\nMJ_APIKEY_PRIVATE=${fake(32, HEX, 'mj-2')}\n`,
      `const mailjet = Mailjet.apiConnect("${fake(32, HEX, 'mj-3')}", "${fake(32, HEX, 'mj-4')}")`,
    ],
    noMatch: () => [
      `MJ_APIKEY_PUBLIC=${fake(32, HEX, 'mj-5')}\nMJ_APIKEY_PRIVATE=your_private_key\n`,
      'Mailjet.apiConnect(process.env.MJ_APIKEY_PUBLIC, process.env.MJ_APIKEY_PRIVATE)',
    ],
  },
})
