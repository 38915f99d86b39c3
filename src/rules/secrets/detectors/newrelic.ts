import { matchAt } from '../engine/context.js'
import { PRIORITY, defineDetector } from '../engine/types.js'
import { fake, HEX, UPPER, DIGITS, ALNUM, B64URL } from '../kit/samples.js'
import { B, boundary, E, judge, tokenDetector } from '../kit/token.js'

const KINDS: Record<string, string> = {
  NRAK: 'New Relic user API key',
  NRAA: 'New Relic admin API key',
  NRII: 'New Relic insert key',
  NRIQ: 'New Relic query key',
  NRRA: 'New Relic REST API key',
}

// User and admin keys: 27 upper-case letters and digits; insert and query keys: 32 characters;
// the REST API key: 42 hex characters.
export const newrelicApiKey = tokenDetector({
  id: 'secret/newrelic-api-key',
  title: 'New Relic API key',
  provider: 'New Relic',
  description:
    'A New Relic user or admin API key (`NRAK-`, `NRAA-` + 27 upper-case letters and digits), insert or query key (`NRII-`, `NRIQ-` + 32) or REST API key (`NRRA-` + 42 hex).',
  keywords: ['nrak-', 'nraa-', 'nrii-', 'nriq-', 'nrra-'],
  pattern:
    `${B}(?:NRA[AK]-(?<user>[A-Z0-9]{27})|NRI[IQ]-(?<ingest>[A-Za-z0-9_-]{32})` +
    `|NRRA-(?<rest>[0-9a-f]{42}))${E}`,
  label: (m) => KINDS[m[0].slice(0, 4)],
  samples: {
    match: () => [
      `NEW_RELIC_API_KEY=${['NRAK', fake(27, UPPER + DIGITS, 'nr-1')].join('-')}`,
      `{"insertKey": "${['NRII', fake(32, B64URL, 'nr-2')].join('-')}"}`,
      ['NRRA', fake(42, HEX, 'nr-3')].join('-'),
      ['NRAA', fake(10, UPPER + DIGITS, 'nr-4') + 'AAAA' + fake(13, UPPER + DIGITS, 'nr-5')].join(
        '-',
      ),
    ],
    noMatch: () => [
      'NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'NEW_RELIC_API_KEY=NRAK-<your-key>',
      'const re = /NRAK-[A-Z0-9]{27}/',
      ['NRAK', fake(27, ALNUM, 'nr-6').toLowerCase()].join('-'),
      ['NRAK', fake(20, UPPER + DIGITS, 'nr-7')].join('-'),
    ],
  },
})

/** The browser agent's key is in every page that runs the agent: ingest only, a warning. */
export const newrelicBrowserKey = tokenDetector({
  id: 'secret/newrelic-browser-key',
  title: 'New Relic browser key',
  provider: 'New Relic',
  description:
    'A New Relic browser ingest key (`NRJS-` + 19 hex): it only sends browser data and ships in every page that runs the agent, so a warning.',
  severity: 'warning',
  keywords: ['nrjs-'],
  pattern: `${B}NRJS-(?<body>[0-9a-f]{19})${E}`,
  samples: {
    match: () => [`licenseKey:"${['NRJS', fake(19, HEX, 'nr-8')].join('-')}",applicationID:"1"`],
    noMatch: () => [
      'licenseKey:"NRJS-xxxxxxxxxxxxxxxxxxx"',
      ['NRJS', fake(18, HEX, 'nr-9')].join('-'),
    ],
  },
})

const LICENSE = new RegExp(
  `${boundary('A-Za-z0-9')}(?:eu01xx[0-9a-f]{30}|[0-9a-f]{36})NRAL${E}`,
  'y',
)

/** Found at its `NRAL` ending, then matched from the start the length puts before it. */
export const newrelicLicenseKey = defineDetector({
  id: 'secret/newrelic-license-key',
  title: 'New Relic license key',
  provider: 'New Relic',
  description:
    'A New Relic ingest license key (40 characters: 36 hex, or `eu01xx` and 30 hex, then `NRAL`).',
  priority: PRIORITY.token,
  keywords: ['nral'],
  find(text, at) {
    if (!text.startsWith('NRAL', at) || at < 36) return undefined
    const m = matchAt(LICENSE, text, at - 36)
    if (!m) return undefined
    return judge(m[0], m[0].slice(0, 36), m.index, { shown: 0 })
  },
  samples: {
    match: () => [
      `license_key: ${fake(36, HEX, 'nr-10')}NRAL`,
      `NEW_RELIC_LICENSE_KEY=eu01xx${fake(30, HEX, 'nr-11')}NRAL`,
    ],
    noMatch: () => [
      `license_key: ${'a'.repeat(36)}NRAL`,
      "license_key: '<your-license-key>NRAL'",
      `license_key: ${fake(35, HEX, 'nr-12')}NRAL`,
      'NRAL',
    ],
  },
})
