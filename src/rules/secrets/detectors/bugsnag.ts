import { boundDetector } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'
import { uuid } from '../kit/service-samples.js'

/**
 * The notifier API key ships in every app that reports errors and is not a secret; the personal
 * auth token of the Data Access API is, and is named as one.
 */
export const bugsnagAuthToken = boundDetector({
  id: 'secret/bugsnag-auth-token',
  title: 'Bugsnag personal auth token',
  provider: 'Bugsnag',
  description:
    'A Bugsnag (Insight Hub) Data Access API personal auth token (a UUID or 32 hex) near "bugsnag", named as an auth token (`BUGSNAG_AUTH_TOKEN`, `bugsnagDataAccessToken`, `authToken` inside a Bugsnag block); notifier API keys ship in apps and are not reported.',
  near: ['bugsnag'],
  value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}',
  chars: 'A-Za-z0-9-',
  names: /^bugsnag(?:personal|dataaccess|api)?(?:auth|access)?token$/,
  blockNames: /^(?:personal|dataaccess)?authtoken$/,
  samples: {
    match: () => [
      `BUGSNAG_AUTH_TOKEN=${uuid('bs-1')}`,
      `bugsnag:\n  authToken: ${fake(32, HEX, 'bs-2')}\n`,
    ],
    noMatch: () => [
      `Bugsnag.start({ apiKey: "${fake(32, HEX, 'bs-3')}" })`,
      'BUGSNAG_AUTH_TOKEN=<token>',
    ],
  },
})
