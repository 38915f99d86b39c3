import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const KINDS: Record<string, string> = {
  auth: 'Tailscale auth key',
  api: 'Tailscale API access token',
  client: 'Tailscale OAuth client secret',
  scim: 'Tailscale SCIM token',
  webhook: 'Tailscale webhook secret',
}

export const tailscaleKey = tokenDetector({
  id: 'secret/tailscale-key',
  title: 'Tailscale key',
  provider: 'Tailscale',
  description:
    'A Tailscale auth key, API access token, OAuth client secret, SCIM token or webhook secret (`tskey-auth-`, `tskey-api-`, `tskey-client-` …: an id, `-`, 20-64 letters and digits).',
  keywords: ['tskey-'],
  pattern: `${B}tskey-(auth|api|client|scim|webhook)-[A-Za-z0-9]{8,24}-(?<body>[A-Za-z0-9]{20,64})${E}`,
  label: (m) => KINDS[m[1]],
  samples: {
    match: () => [
      `TS_AUTHKEY=${['tskey', 'auth', fake(7, ALNUM, 'ts-1') + 'CNTRL', fake(33, ALNUM, 'ts-2')].join('-')}`,
      `TS_OAUTH_SECRET=${['tskey', 'client', fake(7, ALNUM, 'ts-3') + 'CNTRL', fake(33, ALNUM, 'ts-4')].join('-')}`,
    ],
    noMatch: () => [
      'TS_AUTHKEY=tskey-auth-xxxxx',
      `TS_AUTHKEY=tskey-auth-${'x'.repeat(12)}-${'x'.repeat(33)}`,
      'TS_AUTHKEY=tskey-auth-<key>',
    ],
  },
})
