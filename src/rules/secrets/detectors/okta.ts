import { boundDetector, mixed, unboundSamples } from '../kit/keyword-bound.js'
import { B64URL, fake } from '../kit/samples.js'

/** `SSWS ` is how Okta's API takes its tokens: `Authorization: SSWS 00…`. */
const afterSsws = (text: string, start: number) =>
  /SSWS[ \t]{1,4}$/.test(text.slice(start - 9, start))

export const oktaApiToken = boundDetector({
  id: 'secret/okta-api-token',
  title: 'Okta API token',
  provider: 'Okta',
  description:
    'An Okta API token (`00` + 40 characters), near an Okta name and named as one (`OKTA_API_TOKEN`, `oktaToken`), as `apiToken`/`token` inside an Okta block, or after `SSWS `.',
  near: ['okta'],
  value: '00[A-Za-z0-9_-]{40}',
  chars: 'A-Za-z0-9_-',
  names: /^okta(?:api|client|management|org)?(?:token|key|apikey)$/,
  generic: /^(?:api)?token$/,
  placed: afterSsws,
  verify: (v) => (mixed(v.slice(2)) ? undefined : false),
  samples: {
    match: () => [
      `OKTA_ORG_URL=https://dev-1.okta.com\nOKTA_API_TOKEN=00${fake(40, B64URL, 'okta-1')}\n`,
      `fetch('https://acme.okta.com/api/v1/users', { headers: { Authorization: 'SSWS 00${fake(40, B64URL, 'okta-2')}' } })`,
      `okta:\n  client:\n    orgUrl: https://acme.okta.com\n    token: 00${fake(40, B64URL, 'okta-3')}\n`,
    ],
    noMatch: () => [
      ...unboundSamples('OKTA_API_TOKEN', 'okta', '00' + fake(40, B64URL, 'okta-4')),
      `OKTA_API_TOKEN=00${'x'.repeat(40)}`,
      `OKTA_CLIENT_ID=0oa${fake(17, B64URL, 'okta-5')}`,
    ],
  },
})
