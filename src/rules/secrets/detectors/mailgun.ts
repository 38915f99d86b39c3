import { boundDetector, withContext } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** `key-` is everywhere in code: the guard lets only `key-` + 32 hex reach the pattern. */
export const mailgunApiKey = withContext(
  tokenDetector({
    id: 'secret/mailgun-api-key',
    title: 'Mailgun API key',
    provider: 'Mailgun',
    description:
      'A Mailgun private API key (`key-` + 32 hex), or one of the newer keys (32 hex, `-`, 8 hex, `-`, 8 hex) named as a Mailgun key; without "mailgun" nearby a `key-` value is only unverified.',
    keywords: ['key-'],
    guards: { 'key-': '[0-9a-f]{32}(?![A-Za-z0-9_-])' },
    pattern: `${B}key-(?<body>[0-9a-f]{32})${E}`,
    samples: {
      match: () => [
        `MAILGUN_API_KEY=key-${fake(32, HEX, 'mg-1')}`,
        `const mg = mailgun.client({ username: "api", key: "key-${fake(32, HEX, 'mg-2')}" })`,
      ],
      noMatch: () => [
        'MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'MAILGUN_API_KEY=key-<your key>',
        `const cacheKey = "cache-key-${fake(32, HEX, 'mg-3')}"`,
        `mailgun: { publicKey: "pubkey-${fake(32, HEX, 'mg-4')}" }`,
        'const k = `key-${hash}`',
      ],
      unverified: () => [`const k = "key-${fake(32, HEX, 'mg-5')}"`],
    },
  }),
  /mailgun|\bmg\.|api\.(?:eu\.)?mailgun/i,
  'no Mailgun context nearby',
)

/** The newer key shape has no prefix: named for Mailgun, or `key`/`apiKey` in its block. */
export const mailgunKey = boundDetector({
  id: 'secret/mailgun-key',
  title: 'Mailgun API or signing key',
  provider: 'Mailgun',
  description:
    'A Mailgun API key or webhook signing key in the newer shape (32 hex, `-`, 8 hex, `-`, 8 hex) near "mailgun", named for it (`MAILGUN_API_KEY`, `mailgunSigningKey`) or `key`/`apiKey` inside a Mailgun block.',
  near: ['mailgun'],
  value: '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}',
  chars: 'A-Za-z0-9-',
  names: /^mailgun(?:api|private|sending|webhook|signing|webhooksigning)*key$/,
  blockNames: /^(?:api|private|signing)?key$/,
  samples: {
    match: () => [
      `MAILGUN_API_KEY=${mgKey('mg-6')}\nMAILGUN_DOMAIN=mg.acme.io\n`,
      `const client = new Mailgun(FormData).client({ username: "api", key: "${mgKey('mg-7')}" })`,
    ],
    noMatch: () => [
      'MAILGUN_API_KEY=${MAILGUN_API_KEY}',
      `mailgun_domain = "mg.acme.io"\nsession_id = "${mgKey('mg-8')}"`,
    ],
  },
})

const mgKey = (seed: string) =>
  [fake(32, HEX, seed), fake(8, HEX, `${seed}a`), fake(8, HEX, `${seed}b`)].join('-')
