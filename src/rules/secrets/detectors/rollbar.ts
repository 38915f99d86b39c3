import { boundDetector } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'

/**
 * Rollbar tokens are 32 hex. A `post_client_item` token is meant for browsers, so one bound only
 * by `accessToken` inside a Rollbar block (`new Rollbar({ accessToken })`, `_rollbarConfig`) is
 * only unverified; server, read and write tokens are named as such.
 */
export const rollbarAccessToken = boundDetector({
  id: 'secret/rollbar-access-token',
  title: 'Rollbar access token',
  provider: 'Rollbar',
  description:
    'A Rollbar server, read or write access token (32 hex) near "rollbar", named for it (`ROLLBAR_ACCESS_TOKEN`, `rollbarServerToken`, `post_server_item`); a bare `accessToken` in a Rollbar block may be a client token and is only unverified.',
  near: ['rollbar'],
  value: '[0-9a-f]{32}',
  names:
    /^(?:rollbar(?:server|postserveritem|write|read|project)?(?:access)?token|postserveritem(?:access)?token|rollbarserveritemtoken)$/,
  blockNames: /^(?:access|server|serveraccess)token$/,
  blockDoubt: 'a Rollbar access token that may be a client-side (post_client_item) one',
  samples: {
    match: () => [
      `ROLLBAR_ACCESS_TOKEN=${fake(32, HEX, 'rb-1')}`,
      `rollbar:\n  post_server_item_token: ${fake(32, HEX, 'rb-2')}\n`,
    ],
    noMatch: () => [
      'ROLLBAR_ACCESS_TOKEN=POST_SERVER_ITEM_ACCESS_TOKEN',
      `rollbar:\n  environment: production\nsentry:\n  accessToken: ${fake(32, HEX, 'rb-3')}\n`,
      `const ROLLBAR_VERSION = "2.26.4" // sha ${fake(32, HEX, 'rb-4')}`,
    ],
    unverified: () => [`const rollbar = new Rollbar({ accessToken: "${fake(32, HEX, 'rb-5')}" })`],
  },
})
