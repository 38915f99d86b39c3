import { boundDetector } from '../kit/bound.js'
import { ALNUM, fake, HEX } from '../kit/samples.js'

/**
 * `pat` + 14 letters and digits + `.` + 64 hex. `pat` alone is no keyword (every `path` has it),
 * so the token is looked for near the word "airtable".
 */
export const airtableToken = boundDetector({
  id: 'secret/airtable-token',
  title: 'Airtable personal access token',
  provider: 'Airtable',
  description:
    'An Airtable personal access token (`pat` + 14 letters and digits + `.` + 64 hex) near "airtable".',
  near: ['airtable'],
  value: 'pat[A-Za-z0-9]{14}\\.[0-9a-f]{64}',
  chars: 'A-Za-z0-9.',
  shapeBinds: true,
  samples: {
    match: () => [
      `AIRTABLE_API_KEY=pat${fake(14, ALNUM, 'air-1')}.${fake(64, HEX, 'air-2')}`,
      `const base = new Airtable({ apiKey: "pat${fake(14, ALNUM, 'air-3')}.${fake(64, HEX, 'air-4')}" }).base("app1")`,
    ],
    noMatch: () => [
      'AIRTABLE_API_KEY=patXXXXXXXXXXXXXX.' + 'x'.repeat(64),
      `const path = "pat${fake(14, ALNUM, 'air-5')}.${fake(64, HEX, 'air-6')}"`,
    ],
  },
})
