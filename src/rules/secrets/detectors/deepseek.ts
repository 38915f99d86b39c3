import { boundDetector } from '../kit/keyword-bound.js'
import { fake, HEX } from '../kit/samples.js'

/** `sk-` + 32 hex is also other providers' shape: a DeepSeek key is found near its name. */
export const deepseekApiKey = boundDetector({
  id: 'secret/deepseek-api-key',
  title: 'DeepSeek API key',
  provider: 'DeepSeek',
  description: 'A DeepSeek API key (`sk-` + 32 hex characters) near the word DeepSeek.',
  near: ['deepseek'],
  value: 'sk-[0-9a-f]{32}',
  chars: 'A-Za-z0-9_-',
  anywhere: true,
  verify: (v) => (/[a-f]/.test(v.slice(3)) && /[0-9]/.test(v) ? undefined : false),
  samples: {
    match: () => [
      `DEEPSEEK_API_KEY=${['sk', fake(32, HEX, 'ds-1')].join('-')}\n`,
      `new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: '${['sk', fake(32, HEX, 'ds-2')].join('-')}' })`,
    ],
    noMatch: () => [
      `DEEPSEEK_API_KEY=sk-${'x'.repeat(32)}`,
      'DEEPSEEK_API_KEY=sk-...',
      ['sk', fake(32, HEX, 'ds-3')].join('-'),
      `DEEPSEEK_API_KEY=${['sk', fake(40, HEX, 'ds-4')].join('-')}`,
    ],
  },
})
