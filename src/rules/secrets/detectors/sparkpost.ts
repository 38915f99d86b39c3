import { boundDetector, Q } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'

export const sparkpostApiKey = boundDetector({
  id: 'secret/sparkpost-api-key',
  title: 'SparkPost API key',
  provider: 'SparkPost',
  description:
    'A SparkPost API key (40 hex) near "sparkpost", named for it (`SPARKPOST_API_KEY`), `apiKey` inside a SparkPost block, or the first argument of `new SparkPost(…)`.',
  near: ['sparkpost'],
  value: '[0-9a-f]{40}',
  names: /^sparkpost(?:api)?key$/,
  blockNames: /^(?:api)?key$/,
  place: new RegExp(`SparkPost\\([ \\t]*${Q}$`, 'i'),
  samples: {
    match: () => [
      `SPARKPOST_API_KEY=${fake(40, HEX, 'sp-1')}`,
      `const client = new SparkPost('${fake(40, HEX, 'sp-2')}')`,
    ],
    noMatch: () => [
      'const client = new SparkPost(process.env.SPARKPOST_API_KEY)',
      `sparkpost@2.1.4 ${fake(40, HEX, 'sp-3')}`,
    ],
  },
})
