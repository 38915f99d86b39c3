import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const langsmithApiKey = tokenDetector({
  id: 'secret/langsmith-api-key',
  title: 'LangSmith API key',
  provider: 'LangSmith',
  description:
    'A LangSmith personal access token (`lsv2_pt_`) or service key (`lsv2_sk_`): 32 hex characters, `_`, 10 hex characters.',
  keywords: ['lsv2_pt_', 'lsv2_sk_'],
  pattern: `${B}lsv2_(pt|sk)_(?<body>[0-9a-f]{32})_[0-9a-f]{10}${E}`,
  label: (m) => (m[1] === 'pt' ? 'LangSmith personal access token' : 'LangSmith service key'),
  samples: {
    match: () => [
      `LANGSMITH_API_KEY=${['lsv2', 'pt', fake(32, HEX, 'ls-1'), fake(10, HEX, 'ls-2')].join('_')}`,
      `LANGCHAIN_API_KEY="${['lsv2', 'sk', fake(32, HEX, 'ls-3'), fake(10, HEX, 'ls-4')].join('_')}"`,
    ],
    noMatch: () => [
      `lsv2_pt_${'x'.repeat(32)}_${'x'.repeat(10)}`,
      ['lsv2', 'pt', fake(32, HEX, 'ls-5')].join('_'),
      'LANGSMITH_API_KEY=lsv2_pt_...',
    ],
  },
})
