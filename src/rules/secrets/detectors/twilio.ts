import { matchesIn } from '../engine/context.js'
import { doubt } from '../kit/placeholder.js'
import { ALNUM, fake, HEX } from '../kit/samples.js'
import { nameOf, nextAfter } from '../kit/binding.js'
import { boundary, judge } from '../kit/token.js'
import { PRIORITY, type Hit, defineDetector } from '../engine/types.js'

// A Twilio SID (`AC…` account, `SK…` API key) is an identifier; the secret is the auth token or
// API key secret next to it, which has no prefix. Both are looked for near the word "twilio",
// where a SID is, and must be bound to it: named as Twilio names it (`authToken`,
// `TWILIO_AUTH_TOKEN`, `apiSecret`) or the next item after the SID (`twilio("AC…", "…")`).
// Mailgun (`key-` + 32 hex) and Mailchimp (32 hex + `-us12`) keys nearby are not Twilio's
// (they are their own providers' findings: __tests__/secret-services.test.ts).
const START = boundary('A-Za-z0-9')
const SID = new RegExp(`${START}(AC|SK)([0-9a-f]{32})(?![A-Za-z0-9])`, 'g')
const HEX32 = new RegExp(`${START}[0-9a-f]{32}(?![A-Za-z0-9])`, 'g')
const ALNUM32 = new RegExp(`${START}[A-Za-z0-9]{32}(?![A-Za-z0-9])`, 'g')
const NEAR = { keywords: ['twilio'], before: 512, after: 512 }
const AUTH_TOKEN_NAME = /^(?:twilio)?(?:account)?(?:auth)?token$/
const API_SECRET_NAME = /^(?:twilio)?(?:api)?(?:key)?secret$/
const afterSid = {
  AC: nextAfter(`${START}AC[0-9a-f]{32}`, 34),
  SK: nextAfter(`${START}SK[0-9a-f]{32}`, 34),
}

function secretsNear(kind: 'AC' | 'SK', re: RegExp, names: RegExp, keep: (s: string) => boolean) {
  return (text: string, from: number, to: number): Hit[] => {
    const sids = matchesIn(SID, text, from, to)
    if (!sids.some((m) => m[1] === kind && !doubt(m[2]))) return []
    const bound = (at: number) => afterSid[kind](text, at) || names.test(nameOf(text, at) ?? '')
    return matchesIn(re, text, from, to).flatMap(
      (m) => (keep(m[0]) && bound(m.index) && judge(m[0], m[0], m.index)) || [],
    )
  }
}

const sid = (kind: string, seed: string) => kind + fake(32, HEX, seed)

export const twilioAuthToken = defineDetector({
  id: 'secret/twilio-auth-token',
  title: 'Twilio auth token',
  provider: 'Twilio',
  description:
    'A Twilio auth token (32 hex characters) near a Twilio account SID (`AC…`), named as one (`authToken`, `TWILIO_AUTH_TOKEN`) or the next item after the SID.',
  priority: PRIORITY.token,
  near: { ...NEAR, find: secretsNear('AC', HEX32, AUTH_TOKEN_NAME, () => true) },
  samples: {
    match: () => [
      `TWILIO_ACCOUNT_SID=${sid('A' + 'C', 'tw-1')}\nTWILIO_AUTH_TOKEN=${fake(32, HEX, 'tw-2')}\n`,
      `const client = require('twilio')('${sid('A' + 'C', 'tw-3')}', '${fake(32, HEX, 'tw-4')}')`,
    ],
    noMatch: () => [
      `TWILIO_ACCOUNT_SID=${sid('A' + 'C', 'tw-5')}\nTWILIO_AUTH_TOKEN=your_auth_token\n`,
      "const client = require('twilio')(process.env.TWILIO_SID, process.env.TWILIO_TOKEN)",
      `TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nTWILIO_AUTH_TOKEN=${'0'.repeat(32)}`,
      // a hash near the word twilio, without a SID
      `twilio@4.0.0 integrity md5-${fake(32, HEX, 'tw-6')}`,
      // other providers' keys beside a Twilio SID
      `const twilio = { sid: "${sid('A' + 'C', 'tw-13')}" }, mailgun = { key: "${fake(32, HEX, 'tw-14')}" }`,
    ],
  },
})

export const twilioApiKey = defineDetector({
  id: 'secret/twilio-api-key',
  title: 'Twilio API key secret',
  provider: 'Twilio',
  description:
    'A Twilio API key secret (32 characters) near a Twilio API key SID (`SK…`), named as one (`apiSecret`, `TWILIO_API_SECRET`) or the next item after the SID.',
  priority: PRIORITY.token,
  near: {
    ...NEAR,
    find: secretsNear(
      'SK',
      ALNUM32,
      API_SECRET_NAME,
      (s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s),
    ),
  },
  samples: {
    match: () => [
      `twilio(${JSON.stringify(sid('S' + 'K', 'tw-7'))}, ${JSON.stringify(fake(32, ALNUM, 'tw-8'))}, { accountSid })`,
      `twilio:\n  apiKey: ${sid('S' + 'K', 'tw-15')}\n  apiSecret: ${fake(32, ALNUM, 'tw-16')}\n`,
    ],
    noMatch: () => [
      `twilio(${JSON.stringify(sid('S' + 'K', 'tw-9'))}, apiSecret, { accountSid })`,
      `twilio:\n  apiKey: ${sid('S' + 'K', 'tw-17')}\nalgolia:\n  adminKey: ${fake(32, ALNUM, 'tw-18')}\n`,
    ],
  },
})
