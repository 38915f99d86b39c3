import { DIGITS, fake, UPPER } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const UD = UPPER + DIGITS

/** `dt0c01.` + a 24-character public id + `.` + a 64-character secret, upper case and digits. */
export const dynatraceToken = tokenDetector({
  id: 'secret/dynatrace-token',
  title: 'Dynatrace API token',
  provider: 'Dynatrace',
  description:
    'A Dynatrace API or PaaS token (`dt0c01.` + 24 upper-case letters and digits + `.` + 64 of them).',
  keywords: ['dt0c01.'],
  pattern: `${B}dt0c01\\.[A-Z0-9]{24}\\.(?<body>[A-Z0-9]{64})${E}`,
  samples: {
    match: () => [
      `DT_API_TOKEN=${['dt0c01', fake(24, UD, 'dt-1'), fake(64, UD, 'dt-2')].join('.')}`,
      `Authorization: Api-Token ${['dt0c01', fake(24, UD, 'dt-3'), fake(30, UD, 'dt-4') + '1234' + fake(30, UD, 'dt-5')].join('.')}`,
    ],
    noMatch: () => [
      'dt0c01.ABC123.' + 'X'.repeat(64),
      ['dt0c01', fake(24, UD, 'dt-6'), fake(64, UD, 'dt-7').toLowerCase()].join('.'),
      'dt0c01.<token>',
    ],
  },
})
