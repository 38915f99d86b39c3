import { boundDetector } from '../kit/bound.js'
import { DIGITS, fake, HEX } from '../kit/samples.js'

/** `1/<user id>:<32 hex>` (legacy) and `2/<user id>/<app id>:<32 hex>`: found near "asana". */
export const asanaToken = boundDetector({
  id: 'secret/asana-token',
  title: 'Asana personal access token',
  provider: 'Asana',
  description:
    'An Asana personal access token (`1/` + 16 digits + `:` + 32 hex, or `2/` + 16 digits + `/` + 16 digits + `:` + 32 hex) near "asana".',
  near: ['asana'],
  value: '1/[0-9]{13,19}:[0-9a-f]{32}|2/[0-9]{13,19}/[0-9]{13,19}:[0-9a-f]{32}',
  chars: 'A-Za-z0-9/:',
  shapeBinds: true,
  samples: {
    match: () => [
      `ASANA_ACCESS_TOKEN=1/${id('as-1')}:${fake(32, HEX, 'as-2')}`,
      `const client = asana.Client.create().useAccessToken("2/${id('as-3')}/${id('as-4')}:${fake(32, HEX, 'as-5')}")`,
    ],
    noMatch: () => [
      'ASANA_ACCESS_TOKEN=0/123456789:abcdef',
      `ASANA_ACCESS_TOKEN=1/${id('as-6')}:${'0'.repeat(32)}`,
    ],
  },
})

const id = (seed: string) => fake(1, '123456789', seed) + fake(15, DIGITS, `${seed}d`)
