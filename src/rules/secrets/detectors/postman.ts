import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const postmanApiKey = tokenDetector({
  id: 'secret/postman-api-key',
  title: 'Postman API key',
  provider: 'Postman',
  description: 'A Postman API key (`PMAK-`).',
  keywords: ['pmak-'],
  pattern: `${B}PMAK-[a-f0-9]{24}-(?<body>[a-f0-9]{34})${E}`,
  samples: {
    match: () => [['PM' + 'AK', fake(24, HEX, 'pm-1'), fake(34, HEX, 'pm-2')].join('-')],
    noMatch: () => ['PMAK-' + '0'.repeat(24) + '-' + '0'.repeat(34), 'x-api-key: PMAK-...'],
  },
})
