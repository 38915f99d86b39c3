import { boundDetector } from '../kit/bound.js'
import { lowerAlnum } from '../kit/service-samples.js'

export const twitchSecret = boundDetector({
  id: 'secret/twitch-secret',
  title: 'Twitch client secret or OAuth token',
  provider: 'Twitch',
  description:
    'A Twitch client secret or OAuth token (30 lower-case letters and digits) near "twitch", named for it (`TWITCH_CLIENT_SECRET`, `twitchOauthToken`), `clientSecret` inside a Twitch block, or after `oauth:` (a chat password).',
  near: ['twitch'],
  value: '[a-z0-9]{30}',
  names: /^twitch(?:client|app)?secret$|^twitch(?:oauth|access|bot|chat|irc)?(?:token|password)$/,
  blockNames: /^(?:client|app)secret$|^(?:oauth|access)token$/,
  place: /oauth:$/,
  verify: (v) => (/[a-z]/.test(v) && /[0-9]/.test(v) ? undefined : false),
  samples: {
    match: () => [
      `TWITCH_CLIENT_ID=${lowerAlnum(30, 'tc-1')}x\nTWITCH_CLIENT_SECRET=${lowerAlnum(30, 'tc-2')}\n`,
      `const client = new tmi.Client({ identity: { username: "bot", password: "oauth:${lowerAlnum(30, 'tc-3')}" } }) // twitch`,
    ],
    noMatch: () => [
      'TWITCH_CLIENT_SECRET=<client secret>',
      `TWITCH_CLIENT_ID=${lowerAlnum(30, 'tc-4')}`,
    ],
  },
})
