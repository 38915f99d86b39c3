import { boundDetector } from '../kit/keyword-bound.js'
import { ALNUM, fake } from '../kit/samples.js'

/** `fw_` is too short to look for alone: a key is found near the word Fireworks. */
export const fireworksApiKey = boundDetector({
  id: 'secret/fireworks-api-key',
  title: 'Fireworks AI API key',
  provider: 'Fireworks AI',
  description: 'A Fireworks AI API key (`fw_` + 24 letters and digits) near the word Fireworks.',
  near: ['fireworks'],
  before: 512,
  after: 512,
  value: 'fw_[A-Za-z0-9]{24}',
  chars: 'A-Za-z0-9_-',
  anywhere: true,
  verify: (v) => (/[A-Z]/.test(v.slice(3)) && /[a-z]/.test(v.slice(3)) ? undefined : false),
  samples: {
    match: () => [
      `FIREWORKS_API_KEY=${['fw', fake(24, ALNUM, 'fw-1')].join('_')}`,
      `new OpenAI({ baseURL: "https://api.fireworks.ai/inference/v1", apiKey: "${['fw', fake(24, ALNUM, 'fw-2')].join('_')}" })`,
    ],
    noMatch: () => [
      `FIREWORKS_API_KEY=fw_${'x'.repeat(24)}`,
      ['fw', fake(24, ALNUM, 'fw-3')].join('_'),
      'import fireworks from "./fw_animation_controller_module"',
    ],
  },
})
