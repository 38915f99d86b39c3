import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const KINDS: Record<string, string> = {
  p: 'DigitalOcean personal access token',
  o: 'DigitalOcean OAuth access token',
  r: 'DigitalOcean OAuth refresh token',
}

export const digitaloceanToken = tokenDetector({
  id: 'secret/digitalocean-token',
  title: 'DigitalOcean token',
  provider: 'DigitalOcean',
  description: 'A DigitalOcean personal access or OAuth token (`dop_v1_`, `doo_v1_`, `dor_v1_`).',
  keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
  pattern: `${B}do([por])_v1_(?<body>[a-f0-9]{64})${E}`,
  label: (m) => KINDS[m[1]],
  samples: {
    match: () => [['do' + 'p', 'v1', fake(64, HEX, 'do-1')].join('_')],
    noMatch: () => ['dop_v1_' + 'a'.repeat(64), 'DIGITALOCEAN_TOKEN=dop_v1_...'],
  },
})
