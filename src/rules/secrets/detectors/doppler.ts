import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const KINDS: Record<string, string> = {
  pt: 'Doppler personal token',
  st: 'Doppler service token',
  sa: 'Doppler service account token',
  ct: 'Doppler CLI token',
  scim: 'Doppler SCIM token',
  audit: 'Doppler audit token',
}

export const dopplerToken = tokenDetector({
  id: 'secret/doppler-token',
  title: 'Doppler token',
  provider: 'Doppler',
  description:
    'A Doppler token (`dp.pt.` personal, `dp.st.` service (maybe with its config: `dp.st.prd.`), `dp.sa.`, `dp.ct.`, `dp.scim.`, `dp.audit.`) and 40-44 letters and digits.',
  keywords: Object.keys(KINDS).map((k) => `dp.${k}.`),
  pattern: `${B}dp\\.(pt|st|sa|ct|scim|audit)\\.(?:(?<=st\\.)[a-z0-9_-]{2,35}\\.)?(?<body>[A-Za-z0-9]{40,44})${E}`,
  label: (m) => KINDS[m[1]],
  samples: {
    match: () => [
      `DOPPLER_TOKEN=${['dp', 'pt', fake(43, ALNUM, 'dp-1')].join('.')}`,
      `DOPPLER_TOKEN="${['dp', 'st', 'prd', fake(40, ALNUM, 'dp-2')].join('.')}"`,
      `DOPPLER_TOKEN=${['dp', 'pt', fake(20, ALNUM, 'dp-5') + 'AAAA' + fake(19, ALNUM, 'dp-6')].join('.')}`,
      `doppler run --token ${['dp', 'sa', fake(43, ALNUM, 'dp-3')].join('.')} -- node app.js`,
    ],
    noMatch: () => [
      'DOPPLER_TOKEN=dp.pt.' + 'x'.repeat(43),
      'DOPPLER_TOKEN=dp.st.xxxx',
      ['dp', 'pt', fake(30, ALNUM, 'dp-4')].join('.'),
      'if (token.startsWith("dp.pt.")) kind = "personal"',
    ],
  },
})
