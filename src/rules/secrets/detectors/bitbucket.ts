import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const bitbucketAppPassword = tokenDetector({
  id: 'secret/bitbucket-app-password',
  title: 'Bitbucket app password',
  provider: 'Bitbucket',
  description: 'A Bitbucket Cloud app password (`ATBB` + 32 letters and digits).',
  keywords: ['atbb'],
  pattern: `${B}ATBB(?<body>[A-Za-z0-9]{32})${E}`,
  samples: {
    match: () => [
      `BITBUCKET_APP_PASSWORD=ATBB${fake(32, ALNUM, 'bb-1')}`,
      `git clone https://ci-bot:ATBB${fake(32, ALNUM, 'bb-2')}@bitbucket.org/acme/app.git`,
    ],
    noMatch: () => [
      'ATBB' + 'x'.repeat(32),
      `ATBB${fake(24, ALNUM, 'bb-3')}`,
      'BITBUCKET_APP_PASSWORD=ATBB<password>',
    ],
  },
})
