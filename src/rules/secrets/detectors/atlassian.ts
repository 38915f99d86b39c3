import { B64URL, fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** 192 characters in all, ending in `=` and an 8-hex-digit checksum. */
export const atlassianApiToken = tokenDetector({
  id: 'secret/atlassian-api-token',
  title: 'Atlassian API token',
  provider: 'Atlassian',
  description:
    'An Atlassian (Jira, Confluence, Bitbucket) API token (`ATATT3` + 186 characters ending in `=` and 8 hex of checksum).',
  keywords: ['atatt3'],
  pattern: `${B}ATATT3(?<body>[A-Za-z0-9_-]{177})=(?<sum>[0-9A-F]{8})${E}`,
  samples: {
    match: () => [
      `JIRA_API_TOKEN=${token('at-1')}`,
      `auth: { username: "me@acme.io", password: "${token('at-2')}" }`,
    ],
    noMatch: () => [
      'JIRA_API_TOKEN=ATATT3xFfGF0...',
      'ATATT3' + 'x'.repeat(177) + '=' + '0'.repeat(8),
      'ATATT3' + fake(150, B64URL, 'at-3') + '=' + fake(8, HEX, 'at-4').toUpperCase(),
    ],
  },
})

const token = (seed: string) =>
  'ATATT3' + fake(177, B64URL, seed) + '=' + fake(8, HEX, `${seed}s`).toUpperCase()
