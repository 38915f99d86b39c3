import { boundDetector, hexish, unboundSamples } from '../kit/keyword-bound.js'
import { fake, HEX } from '../kit/samples.js'

export const assemblyaiApiKey = boundDetector({
  id: 'secret/assemblyai-api-key',
  title: 'AssemblyAI API key',
  provider: 'AssemblyAI',
  description:
    'An AssemblyAI API key (32 hex characters), named as one (`ASSEMBLYAI_API_KEY`) or as `apiKey` inside an AssemblyAI block.',
  near: ['assemblyai', 'assembly_ai'],
  value: '[0-9a-f]{32}',
  chars: 'A-Za-z0-9_-',
  names: /^assembly(?:ai)?(?:api)?(?:key|token)$/,
  generic: /^(?:api)?key$/,
  verify: (v) => (hexish(v) ? undefined : false),
  samples: {
    match: () => [
      `ASSEMBLYAI_API_KEY=${fake(32, HEX, 'aai-1')}\n`,
      `const client = new AssemblyAI({ apiKey: "${fake(32, HEX, 'aai-2')}" })`,
    ],
    noMatch: () => [...unboundSamples('ASSEMBLYAI_API_KEY', 'assemblyai', fake(32, HEX, 'aai-3'))],
  },
})
