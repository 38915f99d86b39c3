import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const dockerhubToken = tokenDetector({
  id: 'secret/dockerhub-token',
  title: 'Docker Hub access token',
  provider: 'Docker Hub',
  description: 'A Docker Hub personal or organization access token (`dckr_pat_`, `dckr_oat_`).',
  keywords: ['dckr_pat_', 'dckr_oat_'],
  pattern: `${B}dckr_(?:pat|oat)_(?<body>[A-Za-z0-9_-]{27,36})${E}`,
  samples: {
    match: () => [`docker login -u me -p ${['dckr', 'pat', fake(27, B64URL, 'dckr-1')].join('_')}`],
    noMatch: () => ['dckr_pat_' + 'x'.repeat(27), 'DOCKER_TOKEN=dckr_pat_<token>'],
  },
})
