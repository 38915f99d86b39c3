import { boundDetector, hexish, unboundSamples } from '../kit/keyword-bound.js'
import { fake, HEX } from '../kit/samples.js'

const BREAK = '(?:\\s|\\\\[nrt])+'
const NETRC = new RegExp(
  `machine[ \\t]+api\\.wandb\\.ai${BREAK}login[ \\t]+[^\\s\\\\]+${BREAK}password[ \\t]+$`,
)

export const wandbApiKey = boundDetector({
  id: 'secret/wandb-api-key',
  title: 'Weights & Biases API key',
  provider: 'Weights & Biases',
  description:
    'A Weights & Biases API key (40 hex characters), named as one (`WANDB_API_KEY`) or as `password` for `api.wandb.ai` in a `.netrc`.',
  near: ['wandb'],
  value: '[0-9a-f]{40}',
  chars: 'A-Za-z0-9_-',
  names: /^wandb(?:api)?key$/,
  // a `.netrc` entry (escaped line breaks too, as a bundled string holds it)
  placed: (text, start) => NETRC.test(text.slice(Math.max(0, start - 120), start)),
  verify: (v) => (hexish(v) ? undefined : false),
  samples: {
    match: () => [
      `WANDB_API_KEY=${fake(40, HEX, 'wandb-1')}\n`,
      `machine api.wandb.ai\n  login user\n  password ${fake(40, HEX, 'wandb-2')}\n`,
    ],
    noMatch: () => [
      ...unboundSamples('WANDB_API_KEY', 'wandb', fake(40, HEX, 'wandb-3')),
      `wandb: Run ${fake(40, HEX, 'wandb-4')}`,
    ],
  },
})
