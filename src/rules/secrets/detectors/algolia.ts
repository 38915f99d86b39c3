import { boundDetector } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'

/**
 * Search-only keys ship in every site that searches (DocSearch) and are public; only a key
 * named as an admin or write key is reported.
 */
export const algoliaAdminKey = boundDetector({
  id: 'secret/algolia-admin-key',
  title: 'Algolia admin API key',
  provider: 'Algolia',
  description:
    'An Algolia admin or write API key (32 hex) near "algolia", named as one (`ALGOLIA_ADMIN_KEY`, `adminApiKey`, `writeApiKey`); search-only keys are public and not reported.',
  near: ['algolia'],
  value: '[0-9a-f]{32}',
  names: /^(?:algolia)?(?:admin|write)(?:api)?key$/,
  samples: {
    match: () => [
      `ALGOLIA_APP_ID=ABCDEF1234\nALGOLIA_ADMIN_KEY=${fake(32, HEX, 'al-1')}\n`,
      `algoliasearch: { appId: "ABCDEF1234", adminApiKey: "${fake(32, HEX, 'al-2')}" }`,
    ],
    noMatch: () => [
      `docsearch({ appId: "ABCDEF1234", apiKey: "${fake(32, HEX, 'al-3')}", indexName: "docs" }) // algolia`,
      `const client = algoliasearch("ABCDEF1234", "${fake(32, HEX, 'al-4')}")`,
      'ALGOLIA_ADMIN_KEY=${ALGOLIA_ADMIN_KEY}',
    ],
  },
})
