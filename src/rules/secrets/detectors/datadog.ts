import { boundDetector, Q } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'

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
