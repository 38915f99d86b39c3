import { B64URL, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** `AgEIcHlwaS5vcmc` is the start of the macaroon: version 2, location `pypi.org`. */
const PYPI = 'AgEIcHlwaS5vcmc'

export const pypiToken = tokenDetector({
  id: 'secret/pypi-token',
  title: 'PyPI API token',
  provider: 'PyPI',
  description: 'A PyPI API token (`pypi-AgEIcHlwaS5vcmc…`, a macaroon for pypi.org).',
  keywords: [`pypi-${PYPI}`],
  pattern: `${B}pypi-${PYPI}(?<body>[A-Za-z0-9_-]{50,1000})${E}`,
  samples: {
    match: () => [`password = ${['pypi', PYPI + fake(160, B64URL, 'pypi-1')].join('-')}`],
    noMatch: () => [
      `pypi-${PYPI}...`,
      `pypi-${PYPI}` + 'x'.repeat(60),
      'pypi-' + fake(160, B64URL, 'pypi-2'),
    ],
  },
})
