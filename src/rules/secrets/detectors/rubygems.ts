import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const rubygemsApiKey = tokenDetector({
  id: 'secret/rubygems-api-key',
  title: 'RubyGems API key',
  provider: 'RubyGems',
  description: 'A RubyGems.org API key (`rubygems_` + 48 hex characters).',
  keywords: ['rubygems_'],
  pattern: `${B}rubygems_(?<body>[0-9a-f]{48})${E}`,
  samples: {
    match: () => [
      `---\n:rubygems_api_key: ${['rubygems', fake(48, HEX, 'rg-1')].join('_')}\n`,
      `GEM_HOST_API_KEY=${['rubygems', fake(48, HEX, 'rg-2')].join('_')}`,
    ],
    noMatch: () => [
      'rubygems_' + 'x'.repeat(48),
      ':rubygems_api_key: rubygems_<key>',
      ['rubygems', fake(40, HEX, 'rg-3')].join('_'),
      'rubygems_version: 3.4.10',
    ],
  },
})
