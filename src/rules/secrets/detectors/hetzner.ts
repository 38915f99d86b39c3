import { boundDetector, mixed, unboundSamples } from '../kit/keyword-bound.js'
import { ALNUM, fake } from '../kit/samples.js'

export const hetznerApiToken = boundDetector({
  id: 'secret/hetzner-api-token',
  title: 'Hetzner Cloud API token',
  provider: 'Hetzner',
  description:
    'A Hetzner Cloud API token (64 letters and digits), named as one (`HCLOUD_TOKEN`, `HETZNER_API_TOKEN`) or as `token` inside a Hetzner block.',
  near: ['hcloud', 'hetzner'],
  value: '[A-Za-z0-9]{64}',
  chars: 'A-Za-z0-9_-',
  names: /^(?:hcloud|hetzner(?:cloud)?)(?:api|dns)?token$/,
  generic: /^(?:api)?token$/,
  verify: (v) => (mixed(v) ? undefined : false),
  samples: {
    match: () => [
      `HCLOUD_TOKEN=${fake(64, ALNUM, 'hz-1')}\n`,
      `provider "hcloud" {\n  token = "${fake(64, ALNUM, 'hz-2')}"\n}\n`,
    ],
    noMatch: () => [
      ...unboundSamples('HCLOUD_TOKEN', 'hetzner', fake(64, ALNUM, 'hz-3')),
      `HCLOUD_TOKEN=${fake(64, '0123456789abcdef', 'hz-4')}`,
    ],
  },
})
