import { matchAt } from '../engine/context.js'
import { PRIORITY, defineDetector } from '../engine/types.js'
import { json64 } from '../kit/bound.js'
import { B64, fake, HEX } from '../kit/samples.js'
import { B, E, judge, tokenDetector } from '../kit/token.js'

/**
 * An organization token: `sntrys_`, base64 of `{"iat":…,"url":…,"region_url":…,"org":…}`, `_`
 * and 43 characters of secret. The payload is decoded and its fields checked.
 */
export const sentryOrgToken = tokenDetector({
  id: 'secret/sentry-org-token',
  title: 'Sentry organization auth token',
  provider: 'Sentry',
  description:
    'A Sentry organization auth token (`sntrys_` + base64 of a JSON payload with `iat`, `url` and `org` + `_` + 43 characters of secret).',
  keywords: ['sntrys_'],
  pattern: `${B}sntrys_(?<payload>eyJ[A-Za-z0-9+/]{20,400}={0,2})_(?<body>[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=_-])`,
  verify: (m) => {
    const v = json64(m.groups!.payload)
    return v && 'iat' in v && 'org' in v ? undefined : 'its payload is not that of a Sentry token'
  },
  samples: {
    match: () => [`SENTRY_AUTH_TOKEN=${orgToken('se-1')}`, `authToken: "${orgToken('se-2')}",`],
    noMatch: () => [
      'SENTRY_AUTH_TOKEN=sntrys_YOUR_TOKEN_HERE',
      'SENTRY_AUTH_TOKEN=sntrys_eyJ...',
      `sntrys_${payload('se-3')}_${'x'.repeat(43)}`,
    ],
    unverified: () => [
      `sntrys_${Buffer.from(JSON.stringify({ a: fake(30, HEX, 'se-4') })).toString('base64')}_${fake(43, B64, 'se-5')}`,
    ],
  },
})

function payload(seed: string): string {
  const org = 'acme-' + fake(5, 'abcdefghijklmnopqrstuvwxyz', seed)
  const v = {
    iat: 1717000000 + Number(fake(6, '123456789', seed)),
    url: 'https://sentry.io',
    region_url: 'https://us.sentry.io',
    org,
  }
  return Buffer.from(JSON.stringify(v)).toString('base64').replace(/=+$/, '')
}
const orgToken = (seed: string) => ['sntrys', payload(seed), fake(43, B64, `${seed}-s`)].join('_')

export const sentryUserToken = tokenDetector({
  id: 'secret/sentry-user-token',
  title: 'Sentry user auth token',
  provider: 'Sentry',
  description: 'A Sentry user auth token (`sntryu_` + 64 hex).',
  keywords: ['sntryu_'],
  pattern: `${B}sntryu_(?<body>[0-9a-f]{64})${E}`,
  samples: {
    match: () => [`SENTRY_AUTH_TOKEN=${['sntryu', fake(64, HEX, 'se-6')].join('_')}`],
    noMatch: () => [
      'sntryu_' + '0'.repeat(64),
      'sntryu_<token>',
      ['sntryu', fake(40, HEX, 'se-7')].join('_'),
    ],
  },
})

const DSN_BEFORE = /https?:\/\/[0-9a-f]{32}:(?<secret>[0-9a-f]{32})@(?:[a-z0-9-]+\.){0,4}$/
const DSN_AFTER = new RegExp(`sentry\\.io(?::[0-9]{1,5})?/[0-9]{1,12}${E}`, 'y')

/**
 * A DSN with its secret part (`https://<key>:<secret>@…sentry.io/<project>`), which the SDKs no
 * longer need: the public key alone (`https://<key>@…`) is meant to ship and is not reported.
 */
export const sentryDsnSecret = defineDetector({
  id: 'secret/sentry-dsn-secret',
  title: 'Sentry DSN with a secret key',
  provider: 'Sentry',
  description:
    'A Sentry DSN that still carries its secret key (`https://<32 hex>:<32 hex>@….sentry.io/<project>`); a DSN with only the public key is not a secret.',
  priority: PRIORITY.token,
  keywords: ['sentry.io'],
  find(text, at) {
    const before = DSN_BEFORE.exec(text.slice(Math.max(0, at - 120), at))
    const after = before && matchAt(DSN_AFTER, text, at)
    if (!before || !after) return undefined
    const start = at - before[0].length
    return judge(text.slice(start, at + after[0].length), before.groups!.secret, start, {
      shown: 4,
    })
  },
  samples: {
    match: () => [
      `Sentry.init({ dsn: "https://${fake(32, HEX, 'se-8')}:${fake(32, HEX, 'se-9')}@o${fake(6, '123456789', 'se-10')}.ingest.sentry.io/${fake(7, '123456789', 'se-11')}" })`,
      `SENTRY_DSN=https://${fake(32, HEX, 'se-12')}:${fake(32, HEX, 'se-13')}@sentry.io/12345\n`,
    ],
    noMatch: () => [
      `Sentry.init({ dsn: "https://${fake(32, HEX, 'se-14')}@o123456.ingest.sentry.io/1234567" })`,
      'https://<key>:<secret>@sentry.io/<project>',
      `https://${fake(32, HEX, 'se-15')}:${'0'.repeat(32)}@sentry.io/1`,
      'see https://docs.sentry.io/platforms/javascript/',
    ],
  },
})
