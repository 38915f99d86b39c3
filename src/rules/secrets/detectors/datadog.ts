import { boundDetector, Q } from '../kit/bound.js'
import { ALNUM, B64URL, fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const NEAR = ['datadog', 'dd_api_key', 'dd_app_key', 'dd_application_key']
const BLOCK = /datadog/i

/** A Datadog API key: 32 hex characters, named for Datadog or inside its block. */
export const datadogApiKey = boundDetector({
  id: 'secret/datadog-api-key',
  title: 'Datadog API key',
  provider: 'Datadog',
  description:
    'A Datadog API key (32 hex characters) near "datadog", named for it (`DD_API_KEY`, `DATADOG_API_KEY`, `datadogApiKey`) or `apiKey` inside a Datadog block, or sent as `DD-API-KEY`.',
  near: NEAR,
  block: BLOCK,
  value: '[0-9a-f]{32}',
  names: /^(?:datadog|dd)apikey$/,
  blockNames: /^apikey$/,
  place: new RegExp(`dd-api-key${Q}?[ \\t]*[:,][ \\t]*${Q}?$`, 'i'),
  samples: {
    match: () => [
      `DD_API_KEY=${fake(32, HEX, 'dd-1')}\nDD_SITE=datadoghq.eu\n`,
      `datadog:\n  apiKey: ${fake(32, HEX, 'dd-2')}\n  site: datadoghq.com\n`,
      `const tracer = new Datadog({ service: "web", apiKey: "${fake(32, HEX, 'dd-3')}" })`,
      `fetch(url, { headers: { "DD-API-KEY": "${fake(32, HEX, 'dd-4')}" } }) // datadog`,
    ],
    noMatch: () => [
      'DD_API_KEY=<your-datadog-api-key>',
      'DATADOG_API_KEY=${DATADOG_API_KEY}',
      'datadog: { apiKey: process.env.DD_API_KEY }',
      `DD_API_KEY=${'x'.repeat(32)}`,
      `DD_API_KEY=${fake(31, HEX, 'dd-5')}`,
      // another provider's key beside Datadog
      `datadog:\n  site: datadoghq.com\nrollbar:\n  apiKey: ${fake(32, HEX, 'dd-6')}\n`,
      `const dd = datadog({ site: "x" }), sg = { apiKey: "${fake(32, HEX, 'dd-7')}" }`,
      `// datadog integrity ${fake(32, HEX, 'dd-8')}`,
    ],
  },
})

/** A Datadog application key: 40 hex characters, named for Datadog or inside its block. */
export const datadogAppKey = boundDetector({
  id: 'secret/datadog-app-key',
  title: 'Datadog application key',
  provider: 'Datadog',
  description:
    'A Datadog application key (40 hex characters) near "datadog", named for it (`DD_APP_KEY`, `DATADOG_APPLICATION_KEY`) or `appKey` inside a Datadog block, or sent as `DD-APPLICATION-KEY`.',
  near: NEAR,
  block: BLOCK,
  value: '[0-9a-f]{40}',
  names: /^(?:datadog|dd)app(?:lication)?key$/,
  blockNames: /^app(?:lication)?key$/,
  place: new RegExp(`dd-application-key${Q}?[ \\t]*[:,][ \\t]*${Q}?$`, 'i'),
  samples: {
    match: () => [
      `DD_API_KEY=<set me>\nDD_APP_KEY=${fake(40, HEX, 'dd-9')}\n`,
      `[datadog]\napi_key = ""\napp_key = "${fake(40, HEX, 'dd-10')}"\n`,
      `datadog:\n  appKey: ${fake(12, HEX, 'dd-11')}1234${fake(24, HEX, 'dd-12')}\n`,
    ],
    noMatch: () => [
      'DD_APP_KEY=${DD_APP_KEY}',
      // a commit hash near the word datadog
      `datadog@3.2.1 (commit ${fake(40, HEX, 'dd-13')})`,
      `datadog:\n  site: us5\ngithub:\n  appKey: ${fake(40, HEX, 'dd-14')}\n`,
    ],
  },
})

const PREFIXED: Record<string, string> = {
  ddpat_: 'Datadog personal access token',
  ddsat_: 'Datadog service access token',
  ddapp_: 'Datadog application key',
  ddap_: 'Datadog application key',
}

/**
 * The newer credentials carry a prefix (`ddpat_`, `ddsat_`, `ddapp_`; Datadog's English page
 * writes `ddap_`). The length of what follows is not published, so the body is bounded loosely.
 */
export const datadogAccessToken = tokenDetector({
  id: 'secret/datadog-access-token',
  title: 'Datadog access token',
  provider: 'Datadog',
  description:
    'A Datadog personal or service access token or prefixed application key (`ddpat_`, `ddsat_`, `ddapp_` + 30 or more letters, digits, `_`, `-`; the length is not published).',
  keywords: Object.keys(PREFIXED),
  pattern: `${B}(dd(?:pat|sat|app?)_)(?<body>[A-Za-z0-9_-]{30,160})${E}`,
  label: (m) => PREFIXED[m[1]],
  samples: {
    match: () => [
      `DD_PAT=${['ddpat', fake(40, B64URL, 'dd-15')].join('_')}`,
      `headers: { "dd-application-key": "${['ddapp', fake(48, ALNUM, 'dd-16')].join('_')}" }`,
    ],
    noMatch: () => ['DD_PAT=ddpat_<token>', 'ddpat_' + 'x'.repeat(40), 'const PREFIX = "ddsat_"'],
  },
})
