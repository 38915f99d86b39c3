import { boundDetector, hexish, mixed, unboundSamples } from '../kit/keyword-bound.js'
import { ALNUM, B64URL, fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const cloudflareToken = tokenDetector({
  id: 'secret/cloudflare-token',
  title: 'Cloudflare API token',
  provider: 'Cloudflare',
  description:
    'A Cloudflare user (`cfut_`) or account (`cfat_`) API token in the prefixed format: 40 letters and digits, then 8 hex characters.',
  keywords: ['cfut_', 'cfat_'],
  pattern: `${B}cf([ua])t_(?<body>[A-Za-z0-9]{40}[0-9a-fA-F]{8})${E}`,
  label: (m) => (m[1] === 'u' ? 'Cloudflare user API token' : 'Cloudflare account API token'),
  samples: {
    match: () => [
      `CLOUDFLARE_API_TOKEN=${['cfut', fake(40, ALNUM, 'cf-1') + fake(8, HEX, 'cf-2')].join('_')}`,
    ],
    noMatch: () => [
      'cfut_' + 'x'.repeat(48),
      ['cfat', fake(30, ALNUM, 'cf-3')].join('_'),
      'CLOUDFLARE_API_TOKEN=cfut_...',
    ],
  },
})

/** API tokens made before the prefixes: 40 characters, bound to Cloudflare by name or block. */
export const cloudflareApiToken = boundDetector({
  id: 'secret/cloudflare-api-token',
  title: 'Cloudflare API token (unprefixed)',
  provider: 'Cloudflare',
  description:
    'A Cloudflare API token made before prefixes (40 letters, digits, `_`, `-`), named as one (`CLOUDFLARE_API_TOKEN`, `CF_API_TOKEN`) or as `apiToken` inside a Cloudflare block.',
  near: ['cloudflare', 'cf_api_token'],
  value: '[A-Za-z0-9_-]{40}',
  chars: 'A-Za-z0-9_-',
  names: /^(?:cloudflare|cf)(?:api|dns|zone|account|user)?token$/,
  generic: /^(?:api)?token$/,
  verify: (v) => (mixed(v) ? undefined : false),
  samples: {
    match: () => [
      `CLOUDFLARE_API_TOKEN=${fake(40, B64URL, 'cf-4')}\n`,
      `const cf = new Cloudflare({ apiToken: "${fake(40, B64URL, 'cf-5')}" })`,
      `[cloudflare]\napi_token = ${fake(40, B64URL, 'cf-6')}\n`,
    ],
    noMatch: () => [
      ...unboundSamples('CLOUDFLARE_API_TOKEN', 'cloudflare', fake(40, B64URL, 'cf-7')),
      `CLOUDFLARE_API_TOKEN=${fake(40, HEX, 'cf-8')}`,
      `cloudflare:\n  account_id: ${fake(32, HEX, 'cf-9')}\n  commit: ${fake(40, HEX, 'cf-10')}\n`,
    ],
  },
})

/** The global API key: 37 hex characters, bound to Cloudflare by name or block. */
export const cloudflareGlobalApiKey = boundDetector({
  id: 'secret/cloudflare-global-api-key',
  title: 'Cloudflare global API key',
  provider: 'Cloudflare',
  description:
    'A Cloudflare global API key (37 hex characters), named as one (`CLOUDFLARE_API_KEY`, `CF_API_KEY`, `X-Auth-Key`) or as `apiKey` inside a Cloudflare block.',
  near: ['cloudflare', 'cf_api_key', 'x-auth-key'],
  value: '[0-9a-f]{37}',
  chars: 'A-Za-z0-9_-',
  names: /^(?:cloudflare|cf)(?:global)?(?:api|auth)?key$|^xauthkey$/,
  generic: /^(?:global)?(?:api)?key$/,
  verify: (v) => (hexish(v) ? undefined : false),
  samples: {
    match: () => [
      `CLOUDFLARE_EMAIL=ops@example.com\nCLOUDFLARE_API_KEY=${fake(37, HEX, 'cf-11')}\n`,
      `curl -H "X-Auth-Email: ops@example.com" -H "X-Auth-Key: ${fake(37, HEX, 'cf-12')}" https://api.cloudflare.com/client/v4/zones`,
    ],
    noMatch: () => [
      ...unboundSamples('CLOUDFLARE_API_KEY', 'cloudflare', fake(37, HEX, 'cf-13')),
      `CLOUDFLARE_API_KEY=${fake(40, HEX, 'cf-14')}`,
    ],
  },
})

export const cloudflareOriginCaKey = tokenDetector({
  id: 'secret/cloudflare-origin-ca-key',
  title: 'Cloudflare Origin CA key',
  provider: 'Cloudflare',
  description: 'A Cloudflare Origin CA key (`v1.0-`, 24 hex characters, `-`, 146 hex characters).',
  keywords: ['v1.0-'],
  guards: { 'v1.0-': '[0-9a-f]{24}-' },
  pattern: `${B}v1\\.0-[0-9a-f]{24}-(?<body>[0-9a-f]{146})${E}`,
  shown: 0,
  samples: {
    match: () => [
      `CF_ORIGIN_CA_KEY=${['v1.0', fake(24, HEX, 'cf-15'), fake(146, HEX, 'cf-16')].join('-')}`,
    ],
    noMatch: () => [
      'version: v1.0-beta.1',
      ['v1.0', 'x'.repeat(24), 'x'.repeat(146)].join('-'),
      ['v1.0', fake(24, HEX, 'cf-17'), fake(100, HEX, 'cf-18')].join('-'),
    ],
  },
})
