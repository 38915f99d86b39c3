import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const sendgridApiKey = tokenDetector({
  id: 'secret/sendgrid-api-key',
  title: 'SendGrid API key',
  provider: 'SendGrid',
  description: 'A SendGrid API key (`SG.` + 22 + `.` + 43 characters).',
  keywords: ['sg.'],
  pattern: `${B}SG\\.[A-Za-z0-9_-]{22}\\.(?<body>[A-Za-z0-9_-]{43})${E}`,
  shown: 3,
  samples: {
    match: () => [['SG', fake(22, B64URL, 'sg-1'), fake(43, B64URL, 'sg-2')].join('.')],
    noMatch: () => [
      'msg.data.length',
      'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SENDGRID_API_KEY=SG.<your key>',
    ],
  },
})
