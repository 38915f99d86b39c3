import { matchAt } from '../engine/context.js'
import { B64URL, DIGITS, fake } from '../kit/samples.js'
import { E, judge } from '../kit/token.js'
import { PRIORITY, defineDetector } from '../engine/types.js'

const TOKEN = new RegExp(`(?<![0-9])[0-9]{8,10}:AA(?<body>[A-Za-z0-9_-]{33})${E}`, 'y')

/** `<bot id>:AA<33>`: found at `:AA`, matched from the start of the digits before it. */
export const telegramBotToken = defineDetector({
  id: 'secret/telegram-bot-token',
  title: 'Telegram bot token',
  provider: 'Telegram',
  description: 'A Telegram bot token (`<bot id>:AA…`).',
  priority: PRIORITY.token,
  keywords: [':aa'],
  find(text, at) {
    if (!text.startsWith(':AA', at)) return undefined
    let start = at
    while (
      start > 0 &&
      at - start < 11 &&
      text.charCodeAt(start - 1) >= 48 &&
      text.charCodeAt(start - 1) <= 57
    )
      start--
    const m = matchAt(TOKEN, text, start)
    return m ? judge(m[0], m.groups!.body, start) : undefined
  },
  samples: {
    match: () => [
      `https://api.telegram.org/bot${fake(1, '123456789', 'tg-1')}${fake(9, DIGITS, 'tg-2')}:AA${fake(33, B64URL, 'tg-3')}/sendMessage`,
    ],
    noMatch: () => [
      'x?a:aa',
      'TELEGRAM_TOKEN=123456789:AA' + 'x'.repeat(33),
      '123:AA' + fake(33, B64URL, 'tg-4'),
      'TELEGRAM_TOKEN=<bot-id>:AA<secret>',
    ],
  },
})
