import { matchesIn } from '../engine/context.js'
import { B64, BASE32, fake, HEX } from '../kit/samples.js'
import { nameOf, nextAfter } from '../kit/binding.js'
import { markerDetector } from '../kit/marker.js'
import { B, boundary, judge, tokenDetector } from '../kit/token.js'
import { PRIORITY, type Hit, defineDetector } from '../engine/types.js'

const KEY_ID_PREFIXES: Record<string, string> = {
  AKIA: 'AWS access key ID',
  ASIA: 'AWS temporary access key ID',
  ABIA: 'AWS STS service bearer token ID',
  ACCA: 'AWS context-specific credential ID',
}

const keyId = (seed: string, prefix = 'AK' + 'IA') => prefix + fake(16, BASE32, seed)
const secret = (seed: string) => fake(40, B64, seed)

/**
 * An access key id alone cannot sign a request, so it is a warning; the secret key next to it
 * is the error (`secret/aws-secret-access-key`).
 */
export const awsAccessKeyId = tokenDetector({
  id: 'secret/aws-access-key-id',
  title: 'AWS access key ID',
  provider: 'AWS',
  description:
    'An AWS access key ID (`AKIA`, `ASIA` …): not usable alone, but its secret key is rarely far.',
  severity: 'warning',
  keywords: Object.keys(KEY_ID_PREFIXES),
  // The 16 characters after the prefix are base32 (they encode the account).
  pattern: `${B}(AKIA|ASIA|ABIA|ACCA)(?<body>[A-Z2-7]{16})(?![A-Za-z0-9_-])`,
  label: (m) => KEY_ID_PREFIXES[m[1]],
  samples: {
    match: () => [keyId('aws-1'), `aws_access_key_id = ${keyId('aws-2', 'AS' + 'IA')}`],
    noMatch: () => [
      ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join(''),
      'AKIA' + 'X'.repeat(16),
      'AKIA' + 'A'.repeat(16),
      'timeZone: "Asia/Tokyo"',
      'ASIAN_PACIFIC',
      'AKIA' + fake(16, BASE32, 'aws-3').toLowerCase(),
    ],
  },
})

/** A quote, maybe escaped inside a string literal. */
const QUOTE = `(?:\\\\{0,3}["'\`])`
const SECRET_CHARS = '[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])'
const KEY_ID_RE = new RegExp(
  `${boundary('A-Za-z0-9')}(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])`,
  'g',
)
// after `=` too: `AWS_SECRET=…`
const CANDIDATE_RE = new RegExp(`${boundary('A-Za-z0-9/+')}${SECRET_CHARS}`, 'g')

/** A 40-character secret key: base64 with both cases and a digit; a hex digest is not one. */
function secretProblem(value: string): false | undefined {
  if (!/[A-Z]/.test(value) || !/[a-z]/.test(value) || !/[0-9]/.test(value)) return false
  return undefined
}

const byName = tokenDetector({
  id: 'secret/aws-secret-access-key',
  title: 'AWS secret access key',
  provider: 'AWS',
  description: '',
  keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key'],
  // the key name, maybe quoted (or quoted inside a string literal: `\"`), `:`, `=` or `=>`
  pattern: `(?:secret_access_key|secretaccesskey|secret-access-key)${QUOTE}?\\s{0,4}(?:=>|[:=])\\s{0,4}${QUOTE}?(?<body>${SECRET_CHARS})`,
  flags: 'i',
  valueGroup: 'body',
  shown: 0,
  verify: (m) => secretProblem(m.groups!.body),
  samples: { match: () => [], noMatch: () => [] },
})

/** Names a secret key is given beside its key id: `secret`, `secretKey`, `aws_secret` … */
const SECRET_NAME = /^(?:aws)?(?:secret|secretkey|secretaccesskey|accesskeysecret)$/
const afterKeyId = nextAfter(`${boundary('A-Za-z0-9')}(?:AKIA|ASIA)[A-Z2-7]{16}`, 20)

/**
 * The secret key has no prefix: it is found after its key name (`aws_secret_access_key =`,
 * `secretAccessKey:`) anywhere, or within 300 characters of an access key id when it is bound
 * to it: named as a secret (`secret: "…"`, `AWS_SECRET=…`) or the next item after the key id
 * (`new Credentials("AKIA…", "…")`, `AKIA…,…` in a credentials CSV). A 40-character value that
 * is merely near, under another name, is another provider's key.
 */
export const awsSecretAccessKey = defineDetector({
  id: 'secret/aws-secret-access-key',
  title: 'AWS secret access key',
  provider: 'AWS',
  description:
    'An AWS secret access key, after its key name, or within 300 characters of an access key ID and bound to it: named as a secret (`secret:`, `secretKey =`) or the next item after the key ID.',
  priority: PRIORITY.token,
  keywords: byName.keywords,
  find: byName.find,
  near: {
    keywords: ['akia', 'asia'],
    before: 300,
    after: 320,
    find(text, from, to) {
      if (matchesIn(KEY_ID_RE, text, from, to).length === 0) return []
      const hits: Hit[] = []
      for (const m of matchesIn(CANDIDATE_RE, text, from, to)) {
        if (/^[0-9a-f]+$/i.test(m[0])) continue
        const bound = afterKeyId(text, m.index) || SECRET_NAME.test(nameOf(text, m.index) ?? '')
        if (!bound) continue
        const hit = judge(m[0], m[0], m.index, { verify: () => secretProblem(m[0]) })
        if (hit) hits.push(hit)
      }
      return hits
    },
  },
  samples: {
    match: () => [
      `aws_secret_access_key = ${secret('aws-4')}`,
      `{"SecretAccessKey": "${secret('aws-5')}"}`,
      `new S3({credentials:{secretAccessKey:'${secret('aws-6')}'}})`,
      `AWS_SECRET_ACCESS_KEY=${secret('aws-7')}`,
      // next to a key id (a documented one here, so this sample finds only the secret)
      `const creds = ["${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}", "${secret('aws-9')}"]`,
      `new AWS.Credentials('${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}', '${secret('aws-14')}')`,
      `ci,,${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')},${secret('aws-15')},https://console.aws.amazon.com/`,
      // named as a secret beside a key id
      `{ accessKeyId: "${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}", secretKey: "${secret('aws-16')}" }`,
      `AWS_KEY=${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}\nAWS_SECRET=${secret('aws-17')}\n`,
    ],
    noMatch: () => [
      ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG', '/bPxRfiCYEXAMPLEKEY'].join(''),
      'aws_secret_access_key = ' + 'x'.repeat(40),
      'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
      'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY',
      `aws_secret_access_key = ${fake(40, HEX, 'aws-10')}`,
      `const a = "${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}"; // commit ${fake(40, HEX, 'aws-12')}`,
      `aws_secret_access_key = ${secret('aws-13').slice(0, 30)}`,
      // another provider's 40-character key beside an AWS documentation example
      `AWS_ACCESS_KEY_ID=${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}\nCLOUDFLARE_API_TOKEN="${secret('aws-18')}"\n`,
      `const keys = { aws: "${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}", sendgrid: "${secret('aws-19')}" }`,
      `${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')} is AWS's example; our build token is ${secret('aws-20')}`,
    ],
  },
})

/** base64 of `BedrockAPIKey-`: every long-term key is `ABSK` and the base64 of that and more. */
const BEDROCK = 'QmVkcm9ja0FQSUtleS'
const bedrockKey = (seed: string) =>
  'AB' +
  'SK' +
  Buffer.from(
    `BedrockAPIKey-${fake(8, BASE32, seed)}-at-${fake(12, '0123456789', seed)}:${fake(60, B64, seed)}`,
  ).toString('base64')

/** Found at the base64 of `BedrockAPIKey-`, then matched from the `ABSK` before it. */
export const awsBedrockApiKey = markerDetector({
  id: 'secret/aws-bedrock-api-key',
  title: 'Amazon Bedrock API key',
  provider: 'AWS',
  description:
    'An Amazon Bedrock long-term API key (`ABSK` + the base64 of `BedrockAPIKey-…:…`, 110-270 characters).',
  keywords: [BEDROCK],
  before: 4,
  pattern: `${B}ABSK(?<body>${BEDROCK}[A-Za-z0-9+/]{90,250}={0,2})(?![A-Za-z0-9+/=_-])`,
  verify: (m) =>
    /^BedrockAPIKey-/.test(Buffer.from(m.groups!.body, 'base64').toString('latin1'))
      ? undefined
      : 'it does not decode to a Bedrock API key',
  samples: {
    match: () => [`AWS_BEARER_TOKEN_BEDROCK=${bedrockKey('bedrock-1')}`],
    noMatch: () => [
      `AWS_BEARER_TOKEN_BEDROCK=AB${'SK'}${BEDROCK}...`,
      `AWS_BEARER_TOKEN_BEDROCK=${bedrockKey('bedrock-2').slice(0, 60)}`,
      `const prefix = "AB${'SK'}${BEDROCK}"`,
    ],
    unverified: () => [`AB${'SK'}${BEDROCK}${fake(120, B64, 'bedrock-3')}`],
  },
})

/** base64 of `bedrock.amazonaws.com`: a short-term key is a presigned URL, base64-encoded. */
const BEDROCK_HOST = 'YmVkcm9jay5hbWF6b25hd3MuY29t'

/** Valid for at most 12 hours, so a warning: it has likely expired when the package ships. */
export const awsBedrockShortTermKey = tokenDetector({
  id: 'secret/aws-bedrock-short-term-key',
  title: 'Amazon Bedrock short-term API key',
  provider: 'AWS',
  description:
    'An Amazon Bedrock short-term API key (`bedrock-api-key-` + a base64 presigned URL). It lasts at most 12 hours, so it is a warning.',
  severity: 'warning',
  keywords: ['bedrock-api-key-'],
  guards: { 'bedrock-api-key-': BEDROCK_HOST },
  pattern: `${B}bedrock-api-key-(?<body>${BEDROCK_HOST}[A-Za-z0-9+/]{100,3000}={0,2})(?![A-Za-z0-9+/=_-])`,
  samples: {
    // (the documented example key id inside it, so that only the short-term key is reported)
    match: () => [
      `AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-${Buffer.from(`bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}&X-Amz-Security-Token=${fake(200, B64, 'brs-2')}&Version=1`).toString('base64')}`,
    ],
    noMatch: () => [
      `token = "bedrock-api-key-${BEDROCK_HOST}..."`,
      'const PREFIX = "bedrock-api-key-"',
    ],
  },
})
