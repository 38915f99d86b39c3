import { boundDetector } from '../kit/bound.js'
import { B64URL, fake } from '../kit/samples.js'

export const dropboxToken = boundDetector({
  id: 'secret/dropbox-token',
  title: 'Dropbox access token',
  provider: 'Dropbox',
  description:
    'A Dropbox access token near "dropbox": short-lived (`sl.` or `sl.u.` + 130 or more characters) or long-lived (11 characters, `AAAAAAAAAA`, 43 more).',
  near: ['dropbox'],
  value: 'sl\\.(?:u\\.)?[A-Za-z0-9_-]{130,1400}|[A-Za-z0-9_-]{11}AAAAAAAAAA[A-Za-z0-9_-]{43}',
  chars: 'A-Za-z0-9_.+/=-',
  shapeBinds: true,
  samples: {
    match: () => [
      `DROPBOX_ACCESS_TOKEN=sl.${fake(138, B64URL, 'db-1')}`,
      `const dbx = new Dropbox({ accessToken: "${fake(11, B64URL, 'db-2')}AAAAAAAAAA${fake(43, B64URL, 'db-3')}" })`,
    ],
    noMatch: () => [
      'const dbx = new Dropbox({ accessToken: "sl.xxxxxxxx" })',
      `DROPBOX_ACCESS_TOKEN=sl.${'x'.repeat(138)}`,
      `const data = "sl.${fake(138, B64URL, 'db-4')}"`,
      `// dropbox icon\nconst font = "d09G+${fake(11, B64URL, 'db-5')}AAAAAAAAAA${fake(43, B64URL, 'db-6')}/AAAB"`,
    ],
  },
})
