import { boundDetector } from '../kit/bound.js'
import { lowerAlnum } from '../kit/service-samples.js'

export const mattermostToken = boundDetector({
  id: 'secret/mattermost-token',
  title: 'Mattermost access token',
  provider: 'Mattermost',
  description:
    'A Mattermost personal access or bot token (26 lower-case letters and digits) near "mattermost", named for it (`MATTERMOST_TOKEN`, `mattermostBotToken`) or `token` inside a Mattermost block.',
  near: ['mattermost'],
  value: '[a-z0-9]{26}',
  names: /^mattermost(?:personal|bot|access|api)*token$/,
  blockNames: /^(?:personal|bot|access|api)?(?:access)?token$/,
  verify: (v) => (/[a-z]/.test(v) && /[0-9]/.test(v) ? undefined : false),
  samples: {
    match: () => [
      `MATTERMOST_TOKEN=${lowerAlnum(26, 'mm-1')}`,
      `mattermost:\n  url: https://chat.acme.io\n  botToken: ${lowerAlnum(26, 'mm-2')}\n`,
    ],
    noMatch: () => [
      'MATTERMOST_TOKEN=<personal-access-token>',
      `mattermost:\n  channel: town-square\nid: ${lowerAlnum(26, 'mm-3')}\n`,
    ],
  },
})

/** `https://<host>/hooks/<26 lower-case letters and digits>`: a Mattermost server's incoming webhook. */
export const mattermostWebhook = boundDetector({
  id: 'secret/mattermost-webhook',
  title: 'Mattermost incoming webhook URL',
  provider: 'Mattermost',
  description:
    'A Mattermost incoming webhook URL (`https://<server>/hooks/<26 lower-case letters and digits>`) near "mattermost".',
  near: ['mattermost'],
  value: 'https?://[A-Za-z0-9.-]{1,100}(?::[0-9]{1,5})?/hooks/[a-z0-9]{26}',
  chars: 'A-Za-z0-9/',
  shapeBinds: true,
  verify: (v) => (/[0-9]/.test(v.slice(-26)) && /[a-z]/.test(v.slice(-26)) ? undefined : false),
  samples: {
    match: () => [`MATTERMOST_WEBHOOK_URL=https://chat.acme.io/hooks/${lowerAlnum(26, 'mm-4')}`],
    noMatch: () => [
      'MATTERMOST_WEBHOOK_URL=https://your-mattermost-server.com/hooks/xxx-generatedkey-xxx',
    ],
  },
})
