import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const denoDeployToken = tokenDetector({
  id: 'secret/deno-deploy-token',
  title: 'Deno Deploy access token',
  provider: 'Deno Deploy',
  description:
    'A Deno Deploy personal access token (`ddp_`) or workflow token (`ddw_`): 36 letters and digits.',
  keywords: ['ddp_', 'ddw_'],
  pattern: `${B}dd[pw]_(?<body>[A-Za-z0-9]{36})${E}`,
  samples: {
    match: () => [
      `DENO_DEPLOY_TOKEN=${['ddp', fake(36, ALNUM, 'dd-1')].join('_')}`,
      `deployctl deploy --token=${['ddw', fake(36, ALNUM, 'dd-2')].join('_')}`,
    ],
    noMatch: () => [
      'ddp_' + 'x'.repeat(36),
      ['ddp', fake(30, ALNUM, 'dd-3')].join('_'),
      'DENO_DEPLOY_TOKEN=ddp_...',
    ],
  },
})
