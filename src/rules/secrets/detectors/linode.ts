import { boundDetector, hexish, unboundSamples } from '../kit/keyword-bound.js'
import { fake, HEX } from '../kit/samples.js'

export const linodeToken = boundDetector({
  id: 'secret/linode-token',
  title: 'Linode personal access token',
  provider: 'Akamai (Linode)',
  description:
    'A Linode (Akamai Cloud) personal access token (64 hex characters), named as one (`LINODE_TOKEN`, `LINODE_CLI_TOKEN`, `linodeApiToken`) or as `token` inside a Linode block.',
  near: ['linode'],
  value: '[0-9a-f]{64}',
  chars: 'A-Za-z0-9_-',
  names: /^linode(?:cli|api|access)?(?:token|key)$/,
  generic: /^(?:api|access)?token$/,
  verify: (v) => (hexish(v) ? undefined : false),
  samples: {
    match: () => [
      `LINODE_TOKEN=${fake(64, HEX, 'linode-1')}\n`,
      `provider "linode" {\n  token = "${fake(64, HEX, 'linode-2')}"\n}\n`,
    ],
    noMatch: () => [
      ...unboundSamples('LINODE_TOKEN', 'linode', fake(64, HEX, 'linode-3')),
      `linode/ubuntu22.04 sha256:${fake(64, HEX, 'linode-4')}`,
    ],
  },
})
