import { ALNUM, fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const brevoApiKey = tokenDetector({
  id: 'secret/brevo-api-key',
  title: 'Brevo (Sendinblue) API key',
  provider: 'Brevo',
  description:
    'A Brevo (formerly Sendinblue) API or SMTP key (`xkeysib-`, `xsmtpsib-` + 64 hex + `-` + 16 letters and digits).',
  keywords: ['xkeysib-', 'xsmtpsib-'],
  pattern: `${B}x(?:keysib|smtpsib)-(?<body>[0-9a-f]{64})-[A-Za-z0-9]{16}${E}`,
  label: (m) => (m[0].startsWith('xsmtp') ? 'Brevo (Sendinblue) SMTP key' : undefined),
  samples: {
    match: () => [
      `BREVO_API_KEY=${['xkeysib', fake(64, HEX, 'bv-1'), fake(16, ALNUM, 'bv-2')].join('-')}`,
      ['xsmtpsib', fake(64, HEX, 'bv-3'), fake(16, ALNUM, 'bv-4')].join('-'),
    ],
    noMatch: () => [
      'xkeysib-' + 'x'.repeat(64) + '-' + 'x'.repeat(16),
      'api-key: xkeysib-<your-api-key>',
      ['xkeysib', fake(64, HEX, 'bv-5'), fake(12, ALNUM, 'bv-6')].join('-'),
    ],
  },
})
