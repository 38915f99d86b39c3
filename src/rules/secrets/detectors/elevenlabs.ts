import { boundDetector, hexish, unboundSamples } from '../kit/keyword-bound.js'
import { fake, HEX } from '../kit/samples.js'

/**
 * `sk_` + 48 hex (`sk_` alone cannot be a keyword: it starts Stripe's), or the older 32 hex:
 * near ElevenLabs' name or its `xi-api-key` header, bound by name or block (the prefixed shape
 * near the name is enough).
 */
export const elevenlabsApiKey = boundDetector({
  id: 'secret/elevenlabs-api-key',
  title: 'ElevenLabs API key',
  provider: 'ElevenLabs',
  description:
    'An ElevenLabs API key (`sk_` + 48 hex characters, or 32 hex characters in the older format), near the word ElevenLabs or the `xi-api-key` header; an older key must be named as one (`ELEVENLABS_API_KEY`, `xi-api-key:`) or be `apiKey` inside an ElevenLabs block.',
  near: ['elevenlabs', 'eleven_labs', 'xi-api-key', 'xi_api_key'],
  value: 'sk_[0-9a-f]{48}|[0-9a-f]{32}',
  chars: 'A-Za-z0-9_-',
  names: /^(?:eleven(?:labs)?(?:api)?key|xiapikey)$/,
  generic: /^(?:api)?key$/,
  placed: (text, start) => /^sk_[0-9a-f]{48}/.test(text.slice(start, start + 51)),
  verify: (v) => (hexish(v) ? undefined : false),
  samples: {
    match: () => [
      `ELEVENLABS_API_KEY=${['sk', fake(48, HEX, 'el-1')].join('_')}\n`,
      `fetch(url, { headers: { "xi-api-key": "${fake(32, HEX, 'el-2')}" } })`,
      `const elevenlabs = new ElevenLabsClient({ apiKey: "${fake(32, HEX, 'el-3')}" })`,
    ],
    noMatch: () => [
      ...unboundSamples('ELEVENLABS_API_KEY', 'elevenlabs', fake(32, HEX, 'el-4')),
      `ELEVENLABS_VOICE_ID=${fake(32, HEX, 'el-5')}`,
      `ELEVENLABS_API_KEY=sk_${'x'.repeat(48)}`,
    ],
  },
})
