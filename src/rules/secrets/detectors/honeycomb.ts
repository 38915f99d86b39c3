import { boundDetector, lettersAndDigits, Q } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'
import { lowerAlnum, mixed } from '../kit/service-samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** Ingest keys: `hcaik_` (or `hcxik_`) + 58 lower-case letters and digits (a ULID id and the secret). */
export const honeycombIngestKey = tokenDetector({
  id: 'secret/honeycomb-ingest-key',
  title: 'Honeycomb ingest key',
  provider: 'Honeycomb',
  description: 'A Honeycomb ingest key (`hcaik_` or `hcxik_` + 58 lower-case letters and digits).',
  keywords: ['hcaik_', 'hcxik_'],
  pattern: `${B}hc[ax]ik_(?<body>[0-9a-z]{58})${E}`,
  samples: {
    match: () => [`HONEYCOMB_API_KEY=hcaik_01${lowerAlnum(56, 'hc-1')}`],
    noMatch: () => [
      'hcaik_' + 'x'.repeat(58),
      'hcaik_<your-ingest-key>',
      `hcaik_${lowerAlnum(40, 'hc-2')}`,
    ],
  },
})

/** Configuration keys (22 letters and digits; classic ones 32 hex) have no prefix. */
export const honeycombApiKey = boundDetector({
  id: 'secret/honeycomb-api-key',
  title: 'Honeycomb API key',
  provider: 'Honeycomb',
  description:
    'A Honeycomb configuration or classic API key (22 letters and digits, or 32 hex) near "honeycomb", named for it (`HONEYCOMB_API_KEY`, `honeycombWriteKey`), `writeKey`/`apiKey` inside a Honeycomb block, or sent as `X-Honeycomb-Team`.',
  near: ['honeycomb'],
  value: '[A-Za-z0-9]{22}|[0-9a-f]{32}',
  names: /^(?:otelexporterotlpheaders)?honeycomb(?:api|write|ingest|config(?:uration)?)?key$/,
  blockNames: /^(?:api|write)key$/,
  place: new RegExp(`x-honeycomb-team${Q}?[ \\t]*[:=,][ \\t]*${Q}?$`, 'i'),
  verify: lettersAndDigits,
  samples: {
    match: () => [
      `HONEYCOMB_API_KEY=${mixed(22, 'hc-3')}`,
      `OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=${mixed(22, 'hc-4')}"  # honeycomb`,
      `new Honeycomb({ writeKey: "${fake(32, HEX, 'hc-5')}", dataset: "web" })`,
    ],
    noMatch: () => [
      'HONEYCOMB_API_KEY=your-api-key-here',
      'HONEYCOMB_API_KEY=${HONEYCOMB_API_KEY}',
      `honeycomb:\n  dataset: web\nsegment:\n  writeKey: ${mixed(22, 'hc-6')}\n`,
    ],
  },
})
