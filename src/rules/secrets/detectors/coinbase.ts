import { boundDetector } from '../kit/bound.js'
import { B64, fake } from '../kit/samples.js'
import { mixed } from '../kit/service-samples.js'

/**
 * CDP API key secrets are an EC private key (found by secret/private-key) or 64 bytes of base64
 * (Ed25519); legacy API secrets 32 letters and digits. None has a prefix.
 */
export const coinbaseApiSecret = boundDetector({
  id: 'secret/coinbase-api-secret',
  title: 'Coinbase API secret',
  provider: 'Coinbase',
  description:
    'A Coinbase (CDP or legacy) API secret (64 bytes of base64, or 32 letters and digits) near "coinbase", named for it (`COINBASE_API_SECRET`, `CDP_API_KEY_SECRET`) or `apiSecret`/`privateKey` inside a Coinbase block.',
  near: ['coinbase', 'cdp_api_key'],
  value: '[A-Za-z0-9+/]{86}==|[A-Za-z0-9]{32}',
  chars: 'A-Za-z0-9+/=',
  block: /coinbase|cdp/i,
  names: /^(?:coinbase|cdp)(?:api)?(?:key)?(?:secret|privatekey)$/,
  blockNames: /^(?:api)?(?:key)?secret$|^privatekey$/,
  verify: (v) =>
    v.length === 32 && !(/[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v)) ? false : undefined,
  samples: {
    match: () => [
      `CDP_API_KEY_NAME=organizations/acme/apiKeys/k1\nCDP_API_KEY_SECRET=${fake(86, B64, 'cb-1')}==\n`,
      `const coinbase = new Coinbase({ apiKeyName: "k", apiSecret: "${mixed(32, 'cb-2')}" })`,
    ],
    noMatch: () => [
      'COINBASE_API_SECRET=<api secret>',
      `coinbase: { network: "base" }, openai: { apiSecret: "${mixed(32, 'cb-3')}" }`,
    ],
  },
})
