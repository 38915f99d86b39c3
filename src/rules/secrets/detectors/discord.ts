import { matchAt, matchesIn } from '../engine/context.js'
import { B64URL, DIGITS, fake } from '../kit/samples.js'
import { B, E, judge } from '../kit/token.js'
import { PRIORITY, type Hit, defineDetector } from '../engine/types.js'

// A bot token is base64(bot user id) . 6 characters of timestamp . 27-38 of HMAC. It has no
// prefix, so it is looked for near the word "discord", and its first part must decode to an id.
const BOT = new RegExp(
  `${B}([MNO][A-Za-z0-9_-]{22,27})\\.([A-Za-z0-9_-]{6})\\.([A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-])`,
  'g',
)

const botToken = (seed: string) =>
  [
    Buffer.from(fake(1, '123456789', seed) + fake(17, DIGITS, seed)).toString('base64url'),
    fake(6, B64URL, `${seed}-t`),
    fake(38, B64URL, `${seed}-h`),
  ].join('.')

export const discordBotToken = defineDetector({
  id: 'secret/discord-bot-token',
  title: 'Discord bot token',
  provider: 'Discord',
  description: 'A Discord bot token near the word "discord" (its first part is a base64 user id).',
  priority: PRIORITY.token,
  near: {
    keywords: ['discord'],
    before: 512,
    after: 512,
    find(text, from, to) {
      const hits: Hit[] = []
      for (const m of matchesIn(BOT, text, from, to)) {
        if (!/^[1-9][0-9]{16,19}$/.test(Buffer.from(m[1], 'base64url').toString('latin1'))) continue
        const hit = judge(m[0], m[3], m.index)
        if (hit) hits.push(hit)
      }
      return hits
    },
  },
  samples: {
    match: () => [
      `DISCORD_TOKEN=${botToken('dc-1')}`,
      `const discord = new Client(); discord.login("${botToken('dc-2')}")`,
    ],
    noMatch: () => [
      `DISCORD_TOKEN=${botToken('dc-3').replace(/\.[^.]+$/, '.' + 'x'.repeat(38))}`,
      `discord.login(process.env.DISCORD_TOKEN)`,
      // right shape, but the first part is not a user id, and no "discord" near it
      `token = "${botToken('dc-4')}"`,
    ],
  },
})

const HOST = /(?:^|[^A-Za-z0-9.-])((?:(?:ptb|canary)\.)?discord(?:app)?\.com)$/
const WEBHOOK = new RegExp(`/api/webhooks/[0-9]{17,20}/(?<body>[A-Za-z0-9_-]{60,80})${E}`, 'y')

/** Found at `/api/webhooks/`, then the host before it is checked. */
export const discordWebhook = defineDetector({
  id: 'secret/discord-webhook',
  title: 'Discord webhook URL',
  provider: 'Discord',
  description: 'A Discord webhook URL (`discord.com/api/webhooks/<id>/<token>`).',
  priority: PRIORITY.token,
  keywords: ['/api/webhooks/'],
  find(text, at) {
    const host = HOST.exec(text.slice(Math.max(0, at - 40), at))
    const m = host && matchAt(WEBHOOK, text, at)
    if (!host || !m) return undefined
    const start = at - host[1].length
    return judge(text.slice(start, at + m[0].length), m.groups!.body, start, { shown: 4 })
  },
  samples: {
    match: () => [
      `https://discord.com/api/webhooks/${fake(1, '123456789', 'dw-1')}${fake(18, DIGITS, 'dw-2')}/${fake(68, B64URL, 'dw-3')}`,
    ],
    noMatch: () => [
      'https://discord.com/api/webhooks/{webhook.id}/{webhook.token}',
      `https://example.com/api/webhooks/1234567890123456789/${fake(68, B64URL, 'dw-4')}`,
      'https://discord.com/api/webhooks/123456789012345678/' + 'x'.repeat(68),
    ],
  },
})
