import { fake, LETTERS } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const huggingfaceToken = tokenDetector({
  id: 'secret/huggingface-token',
  title: 'Hugging Face access token',
  provider: 'Hugging Face',
  description: 'A Hugging Face user access token (`hf_` and 34 letters).',
  keywords: ['hf_'],
  pattern: `${B}hf_(?<body>[A-Za-z]{34})${E}`,
  shown: 3,
  samples: {
    match: () => [`HF_TOKEN=${['hf', fake(34, LETTERS, 'hf-1')].join('_')}`],
    noMatch: () => [
      'hf_' + 'x'.repeat(34),
      'hf_' + 'abcdefghijklmnopqrstuvwxyzabcdefgh',
      'hf_hub_download(repo_id, filename)',
      ['hf', fake(34, LETTERS, 'hf-2') + '0'].join('_'),
    ],
  },
})
