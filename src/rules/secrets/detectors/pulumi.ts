import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const pulumiToken = tokenDetector({
  id: 'secret/pulumi-token',
  title: 'Pulumi access token',
  provider: 'Pulumi',
  description: 'A Pulumi Cloud access token (`pul-` + 40 hex characters).',
  keywords: ['pul-'],
  guards: { 'pul-': '[0-9a-f]{40}' },
  pattern: `${B}pul-(?<body>[0-9a-f]{40})${E}`,
  samples: {
    match: () => [`PULUMI_ACCESS_TOKEN=pul-${fake(40, HEX, 'pul-1')}`],
    noMatch: () => [
      'PULUMI_ACCESS_TOKEN=pul-' + 'x'.repeat(40),
      'pul-' + 'abcdef0123456789'.repeat(3).slice(0, 40),
      `pul-${fake(39, HEX, 'pul-2')}`,
      'git pull-request --base main',
    ],
  },
})
