import { markerDetector } from '../kit/marker.js'
import { ALNUM, B64URL, fake } from '../kit/samples.js'
import { B, E } from '../kit/token.js'

/** Found at `.atlasv1.`, then matched from the 14 characters of id before it. */
export const terraformCloudToken = markerDetector({
  id: 'secret/terraform-cloud-token',
  title: 'Terraform Cloud API token',
  provider: 'HashiCorp Terraform',
  description:
    'A Terraform Cloud / Enterprise user, team or organization API token (14 letters and digits, `.atlasv1.`, 60-70 characters).',
  keywords: ['.atlasv1.'],
  before: 14,
  pattern: `${B}[A-Za-z0-9]{14}\\.atlasv1\\.(?<body>[A-Za-z0-9_=-]{60,70})${E}`,
  shown: 0,
  samples: {
    match: () => [
      `credentials "app.terraform.io" {\n  token = "${[fake(14, ALNUM, 'tf-1'), 'atlasv1', fake(67, B64URL, 'tf-2')].join('.')}"\n}`,
      `TFE_TOKEN=${[fake(14, ALNUM, 'tf-3'), 'atlasv1', fake(64, ALNUM, 'tf-4')].join('.')}`,
    ],
    noMatch: () => [
      `token = "${['x'.repeat(14), 'atlasv1', 'x'.repeat(67)].join('.')}"`,
      'const re = /[a-z0-9]{14}\\.atlasv1\\.[a-z0-9_=-]{60,70}/',
      `token = "${[fake(14, ALNUM, 'tf-5'), 'atlasv1', fake(40, ALNUM, 'tf-6')].join('.')}"`,
      'token = "<id>.atlasv1.<secret>"',
    ],
  },
})
