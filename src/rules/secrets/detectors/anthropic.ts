import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** Anthropic keys: 93 random base64url characters, then `AA`. */
const shape = (m: RegExpExecArray) =>
  m.groups!.body.length === 95 && m.groups!.body.endsWith('AA')
    ? undefined
    : 'its length or ending is not that of an Anthropic key'

export const anthropicApiKey = tokenDetector({
  id: 'secret/anthropic-api-key',
  title: 'Anthropic API key',
  provider: 'Anthropic',
  description: 'An Anthropic API key (`sk-ant-api03-`).',
  keywords: ['sk-ant-'],
  pattern: `${B}sk-ant-api03-(?<body>[A-Za-z0-9_-]{80,120})${E}`,
  verify: shape,
  samples: {
    match: () => [
      `ANTHROPIC_API_KEY=${['sk', 'ant', 'api03', fake(93, B64URL, 'ant-1') + 'AA'].join('-')}`,
    ],
    noMatch: () => [
      'sk-ant-api03-...',
      'sk-ant-api03-' + 'x'.repeat(93) + 'AA',
      'const prefix = "sk-ant-api03-"',
    ],
    unverified: () => [['sk', 'ant', 'api03', fake(93, B64URL, 'ant-2') + 'BB'].join('-')],
  },
})

export const anthropicAdminKey = tokenDetector({
  id: 'secret/anthropic-admin-key',
  title: 'Anthropic admin API key',
  provider: 'Anthropic',
  description: 'An Anthropic admin API key (`sk-ant-admin01-`).',
  keywords: ['sk-ant-'],
  pattern: `${B}sk-ant-admin01-(?<body>[A-Za-z0-9_-]{80,120})${E}`,
  verify: shape,
  samples: {
    match: () => [['sk', 'ant', 'admin01', fake(93, B64URL, 'ant-3') + 'AA'].join('-')],
    noMatch: () => ['sk-ant-admin01-<key>', 'sk-ant-admin01-' + 'A'.repeat(95)],
  },
})
