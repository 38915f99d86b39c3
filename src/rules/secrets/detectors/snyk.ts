import { boundDetector, unboundSamples, uuid } from '../kit/keyword-bound.js'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

export const snykToken = boundDetector({
  id: 'secret/snyk-token',
  title: 'Snyk API token',
  provider: 'Snyk',
  description:
    'A Snyk API or service account token (a UUID), named as one (`SNYK_TOKEN`, `SNYK_API_TOKEN`, `snykApiKey`) or as `token` inside a Snyk block.',
  near: ['snyk'],
  value: UUID,
  chars: 'A-Za-z0-9_-',
  names: /^snyk(?:api|oauth|auth)?(?:token|key)$/,
  generic: /^(?:api)?token$/,
  samples: {
    match: () => [`SNYK_TOKEN=${uuid('snyk-1')}\n`, `snyk:\n  token: ${uuid('snyk-2')}\n`],
    noMatch: () => [
      ...unboundSamples('SNYK_TOKEN', 'snyk', uuid('snyk-3')),
      `SNYK_ORG_ID=${uuid('snyk-4')}`,
      `snyk monitor --org=${uuid('snyk-5')}`,
    ],
  },
})
