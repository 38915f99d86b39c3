import { ALNUM, DIGITS, fake, HEX, LETTERS, UPPER } from '../kit/samples.js'
import { B, boundary, E, tokenDetector } from '../kit/token.js'

/** A number that does not start with 0, like Slack's team and user ids. */
const digits = (n: number, seed: string) => fake(1, '123456789', seed) + fake(n - 1, DIGITS, seed)

const KINDS: Record<string, string> = {
  bot: 'Slack bot token',
  user: 'Slack user token',
  legacy: 'Slack legacy token',
  workspace: 'Slack workspace token',
  config: 'Slack configuration token',
  refresh: 'Slack configuration refresh token',
}

// Token shapes per https://api.slack.com/authentication/token-types: bot `xoxb-<team>-<bot>-<24>`,
// user `xoxp-<team>-<user>-<id>-<32 hex>`, legacy `xoxs-`/`xoxo-`, workspace `xoxa-`/`xoxr-`,
// configuration `xoxe.xoxp-1-<163+>` and its refresh token `xoxe-1-<146>`.
export const slackToken = tokenDetector({
  id: 'secret/slack-token',
  title: 'Slack token',
  provider: 'Slack',
  description: 'A Slack bot, user, workspace, legacy or configuration token (`xoxb-`, `xoxp-` …).',
  keywords: ['xoxb-', 'xoxp-', 'xoxe-', 'xoxe.', 'xoxa-', 'xoxr-', 'xoxo-', 'xoxs-'],
  pattern:
    `${B}xox(?:` +
    [
      'b-[0-9]{8,14}-(?:[0-9]{8,14}-)?(?<bot>[A-Za-z0-9]{18,34})',
      '[pe](?:-[0-9]{10,13}){3}-(?<user>[A-Za-z0-9]{28,34})',
      '[os](?:-[0-9]{1,13}){3}-(?<legacy>[a-fA-F0-9]{10,64})',
      '[ar]-(?:[0-9]-)?(?<workspace>[0-9A-Za-z]{20,150})',
      'e\\.xox[bp]-[0-9]-(?<config>[A-Za-z0-9]{163,166})',
      'e-[0-9]-(?<refresh>[A-Za-z0-9]{146})',
    ].join('|') +
    `)${E}`,
  label: (m) => KINDS[Object.keys(KINDS).find((k) => m.groups?.[k] !== undefined) ?? 'bot'],
  samples: {
    match: () => [
      ['xoxb', digits(12, 'sl-1'), digits(13, 'sl-2'), fake(24, ALNUM, 'sl-3')].join('-'),
      `token: "${['xoxp', digits(12, 'sl-4'), digits(12, 'sl-5'), digits(12, 'sl-6'), fake(32, HEX, 'sl-7')].join('-')}"`,
      [
        'xoxs',
        digits(10, 'sl-8'),
        digits(10, 'sl-9'),
        digits(10, 'sl-10'),
        fake(10, HEX, 'sl-11'),
      ].join('-'),
      ['xoxe.xoxp', '1', fake(163, ALNUM, 'sl-12')].join('-'),
      ['xoxe', '1', fake(146, ALNUM, 'sl-13')].join('-'),
    ],
    noMatch: () => [
      'xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx',
      'xoxb-12345-abcd234',
      'xoxb-xoxb-my-bot-token',
      'xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d',
      'xoxp-' + ['0'.repeat(12), '0'.repeat(12), '0'.repeat(12), '0'.repeat(32)].join('-'),
      'xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere',
      'https://github.com/xoxa-nyc/xoxa-nyc.github.io/blob/master/README.md',
      'SLACK_BOT_TOKEN=xoxb-your-bot-token',
    ],
  },
})

export const slackAppToken = tokenDetector({
  id: 'secret/slack-app-token',
  title: 'Slack app-level token',
  provider: 'Slack',
  description: 'A Slack app-level token (`xapp-`).',
  keywords: ['xapp-'],
  pattern: `${B}xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-(?<body>[a-f0-9]{64})${E}`,
  samples: {
    match: () => [
      [
        'xapp',
        '1',
        'A' + fake(10, UPPER + DIGITS, 'sla-1'),
        digits(13, 'sla-2'),
        fake(64, HEX, 'sla-3'),
      ].join('-'),
      // real bodies have runs now and then: judged whole, such a body is still random
      [
        'xapp',
        '1',
        'A' + fake(10, UPPER + DIGITS, 'sla-4'),
        digits(13, 'sla-5'),
        fake(24, HEX, 'sla-6') + '0'.repeat(8) + fake(20, HEX, 'sla-7') + '12345678' + 'abcd',
      ].join('-'),
      [
        'xapp',
        '1',
        'A' + fake(3, UPPER + DIGITS, 'sla-8') + '1234' + fake(3, UPPER + DIGITS, 'sla-9'),
        digits(13, 'sla-10'),
        fake(30, HEX, 'sla-11') + '1234' + fake(30, HEX, 'sla-12'),
      ].join('-'),
    ],
    noMatch: () => [
      'xapp-1-XXXXXXXXXXX-0000000000000-' + 'x'.repeat(64),
      'SLACK_APP_TOKEN=xapp-...',
    ],
  },
})

export const slackWebhook = tokenDetector({
  id: 'secret/slack-webhook',
  title: 'Slack incoming webhook URL',
  provider: 'Slack',
  description: 'A Slack incoming webhook or workflow trigger URL (`hooks.slack.com/…`).',
  keywords: ['hooks.slack.com/'],
  pattern:
    boundary('A-Za-z0-9.-') +
    'hooks\\.slack\\.com/(?:' +
    [
      'services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/(?<service>[A-Za-z0-9]{24})',
      'workflows/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{17,20}/(?<workflow>[A-Za-z0-9]{32})',
      'triggers/T[A-Z0-9]{8,12}/[0-9]{10,14}/(?<trigger>[a-f0-9]{32})',
    ].join('|') +
    `)${E}`,
  samples: {
    match: () => [
      `https://hooks.slack.com/services/T${fake(8, UPPER + DIGITS, 'slw-1')}/B${fake(10, UPPER + DIGITS, 'slw-2')}/${fake(24, ALNUM, 'slw-3')}`,
      `https://hooks.slack.com/services/T${fake(8, UPPER + DIGITS, 'slw-4')}/B${fake(10, UPPER + DIGITS, 'slw-5')}/${fake(9, ALNUM, 'slw-6')}${'A'.repeat(6)}${fake(9, ALNUM, 'slw-7')}`,
      `https://hooks.slack.com/services/T${fake(8, UPPER + DIGITS, 'slw-8')}/B${fake(10, UPPER + DIGITS, 'slw-9')}/${fake(8, ALNUM, 'slw-10')}123456789${fake(7, ALNUM, 'slw-11')}`,
      // random letters around a run read like words to a naive filter; they are not
      `https://hooks.slack.com/services/T${fake(4, UPPER + DIGITS, 'slw-12')}1234/B${fake(6, UPPER + DIGITS, 'slw-13')}AAAA/${fake(10, LETTERS, 'slw-14')}1234${fake(10, LETTERS, 'slw-15')}`,
      `https://hooks.slack.com/services/T${fake(8, UPPER + DIGITS, 'slw-16')}/B${fake(10, UPPER + DIGITS, 'slw-17')}/${fake(16, LETTERS, 'slw-18')}AAAA${fake(4, LETTERS, 'slw-19')}`,
    ],
    noMatch: () => [
      'https://hooks.slack.com/services/T00000000/B00000000/' + 'X'.repeat(24),
      'https://hooks.slack.com/services/YOUR/WEBHOOK/URL',
      'const SLACK = "https://hooks.slack.com/services/"',
    ],
  },
})
