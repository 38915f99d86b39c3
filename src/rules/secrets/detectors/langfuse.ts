import { uuid } from '../kit/keyword-bound.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** The secret key only: a Langfuse public key (`pk-lf-`) is meant to be shown. */
export const langfuseSecretKey = tokenDetector({
  id: 'secret/langfuse-secret-key',
  title: 'Langfuse secret key',
  provider: 'Langfuse',
  description: 'A Langfuse secret key (`sk-lf-` + a UUID).',
  keywords: ['sk-lf-'],
  pattern: `${B}sk-lf-(?<body>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${E}`,
  samples: {
    match: () => [
      `LANGFUSE_PUBLIC_KEY=pk-lf-${uuid('lf-1')}\nLANGFUSE_SECRET_KEY=${['sk', 'lf', uuid('lf-2')].join('-')}\n`,
    ],
    noMatch: () => [
      `LANGFUSE_PUBLIC_KEY=pk-lf-${uuid('lf-3')}`,
      'LANGFUSE_SECRET_KEY=sk-lf-...',
      'LANGFUSE_SECRET_KEY=sk-lf-00000000-0000-0000-0000-000000000000',
    ],
  },
})
