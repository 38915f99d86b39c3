import { json64 } from '../kit/bound.js'
import { ALNUM, fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** A Grafana Cloud token's body is base64 of `{"o":org,"n":name,"k":key,"m":{"r":region}}`. */
export const grafanaCloudToken = tokenDetector({
  id: 'secret/grafana-cloud-token',
  title: 'Grafana Cloud access policy token',
  provider: 'Grafana',
  description:
    'A Grafana Cloud access policy or API token (`glc_` + base64 of a JSON object naming its org `o`, name `n` and key `k`).',
  keywords: ['glc_'],
  pattern: `${B}glc_(?<body>eyJ[A-Za-z0-9+/]{40,400}={0,2})(?![A-Za-z0-9+/=_-])`,
  verify: (m) => {
    const v = json64(m.groups!.body)
    if (!v) return false
    return 'o' in v && 'k' in v
      ? undefined
      : 'its body lacks the org and key of a Grafana Cloud token'
  },
  samples: {
    match: () => [`GRAFANA_CLOUD_TOKEN=glc_${cloud('gr-1')}`, `{"token":"glc_${cloud('gr-2')}"}`],
    noMatch: () => [
      'GRAFANA_CLOUD_TOKEN=glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'const prefix = "glc_"',
      // cut off: its payload no longer decodes to a whole JSON object
      `glc_${cloud('gr-10').slice(0, 60)} and more`,
      'glc_' +
        Buffer.from(JSON.stringify({ o: '1', k: 'x'.repeat(30) }))
          .toString('base64')
          .slice(0, 20),
    ],
    unverified: () => [
      `glc_${Buffer.from(JSON.stringify({ a: fake(40, ALNUM, 'gr-3') })).toString('base64')}`,
    ],
  },
})

function cloud(seed: string): string {
  const o = fake(6, '123456789', seed)
  const v = {
    o,
    n: 'stack-' + o + '-deploy',
    k: fake(24, ALNUM, `${seed}-k`),
    m: { r: 'prod-eu-west-2' },
  }
  return Buffer.from(JSON.stringify(v)).toString('base64')
}

/** `glsa_` + 32 base62 characters + `_` + an 8-hex checksum. */
export const grafanaServiceAccountToken = tokenDetector({
  id: 'secret/grafana-service-account-token',
  title: 'Grafana service account token',
  provider: 'Grafana',
  description: 'A Grafana service account token (`glsa_` + 32 letters and digits + `_` + 8 hex).',
  keywords: ['glsa_'],
  pattern: `${B}glsa_(?<body>[A-Za-z0-9]{32})_[0-9a-f]{8}${E}`,
  samples: {
    match: () => [
      `GRAFANA_TOKEN=${['glsa', fake(32, ALNUM, 'gr-4'), fake(8, HEX, 'gr-5')].join('_')}`,
      `Authorization: Bearer ${['glsa', fake(32, ALNUM, 'gr-6'), fake(8, HEX, 'gr-7')].join('_')}`,
    ],
    noMatch: () => [
      `glsa_${'x'.repeat(32)}_${'0'.repeat(8)}`,
      'glsa_<token>',
      ['glsa', fake(32, ALNUM, 'gr-8'), fake(6, HEX, 'gr-9')].join('_'),
    ],
  },
})
