import { boundDetector, mixedCase } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'
import { mixed } from '../kit/service-samples.js'

export const vonageApiSecret = boundDetector({
  id: 'secret/vonage-api-secret',
  title: 'Vonage (Nexmo) API secret',
  provider: 'Vonage',
  description:
    'A Vonage (Nexmo) API secret (16 letters and digits) near "vonage" or "nexmo", named for it (`VONAGE_API_SECRET`, `NEXMO_API_SECRET`) or `apiSecret` inside a Vonage block.',
  near: ['vonage', 'nexmo'],
  value: '[A-Za-z0-9]{16}',
  names: /^(?:vonage|nexmo)(?:api)?secret$/,
  blockNames: /^(?:api)?secret$/,
  verify: mixedCase,
  samples: {
    match: () => [
      `VONAGE_API_KEY=${fake(8, HEX, 'vn-1')}\nVONAGE_API_SECRET=${mixed(16, 'vn-2')}\n`,
      `const vonage = new Vonage({ apiKey: "${fake(8, HEX, 'vn-3')}", apiSecret: "${mixed(16, 'vn-4')}" })`,
    ],
    noMatch: () => [
      'const vonage = new Vonage({ apiKey: "API_KEY", apiSecret: "API_SECRET" })',
      `NEXMO_API_SECRET=${'abcdefgh'.repeat(2)}`,
      `vonage: { apiKey: "x" }, stripe: { apiSecret: "${mixed(16, 'vn-5')}" }`,
    ],
  },
})
