import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const pineconeApiKey = tokenDetector({
  id: 'secret/pinecone-api-key',
  title: 'Pinecone API key',
  provider: 'Pinecone',
  description: 'A Pinecone API key (`pcsk_`, a 5-6 character id, `_`, 63 letters and digits).',
  keywords: ['pcsk_'],
  pattern: `${B}pcsk_[A-Za-z0-9]{5,6}_(?<body>[A-Za-z0-9]{63})${E}`,
  samples: {
    match: () => [
      `PINECONE_API_KEY=${['pcsk', fake(6, ALNUM, 'pc-1'), fake(63, ALNUM, 'pc-2')].join('_')}`,
      `new Pinecone({ apiKey: '${['pcsk', fake(5, ALNUM, 'pc-3'), fake(63, ALNUM, 'pc-4')].join('_')}' })`,
    ],
    noMatch: () => [
      `pcsk_${'x'.repeat(6)}_${'x'.repeat(63)}`,
      ['pcsk', fake(6, ALNUM, 'pc-5'), fake(40, ALNUM, 'pc-6')].join('_'),
      'PINECONE_API_KEY=pcsk_...',
    ],
  },
})
