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

export const huggingfaceOrgToken = tokenDetector({
  id: 'secret/huggingface-org-token',
  title: 'Hugging Face organization API token',
  provider: 'Hugging Face',
  description: 'A Hugging Face organization API token (`api_org_` and 34 letters).',
  keywords: ['api_org_'],
  pattern: `${B}api_org_(?<body>[A-Za-z]{34})${E}`,
  samples: {
    match: () => [`HF_ORG_TOKEN=${['api', 'org', fake(34, LETTERS, 'hf-3')].join('_')}`],
    noMatch: () => [
      'api_org_' + 'x'.repeat(34),
      'const url = `${base}/api_org_members?org=${id}`',
      ['api', 'org', fake(30, LETTERS, 'hf-4')].join('_'),
    ],
  },
})
