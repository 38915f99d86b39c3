import { boundDetector, unboundSamples } from '../kit/keyword-bound.js'
import { nextAfter } from '../kit/binding.js'
import { ALNUM, fake } from '../kit/samples.js'
import { B, boundary, E, tokenDetector } from '../kit/token.js'

const keyId = (seed: string) => 'LT' + 'AI' + fake(20, ALNUM, seed)

/** An AccessKey ID alone cannot sign a request: a warning, as AWS key ids are. */
export const alibabaAccessKeyId = tokenDetector({
  id: 'secret/alibaba-access-key-id',
  title: 'Alibaba Cloud AccessKey ID',
  provider: 'Alibaba Cloud',
  description:
    'An Alibaba Cloud AccessKey ID (`LTAI` + 12-20 letters and digits): not usable alone, but its secret is rarely far.',
  severity: 'warning',
  keywords: ['ltai'],
  pattern: `${B}LTAI(?<body>[A-Za-z0-9]{12,20})${E}`,
  samples: {
    match: () => [`ALIBABA_CLOUD_ACCESS_KEY_ID=${keyId('ali-1')}`],
    noMatch: () => [
      'LTAI' + 'x'.repeat(20),
      'LTAI' + 'X'.repeat(20),
      'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI****************',
    ],
  },
})

const afterKeyId = nextAfter(`${boundary('A-Za-z0-9')}LTAI[A-Za-z0-9]{12,20}`, 24)

/** The AccessKey secret: 30 letters and digits, bound by its name or its place after the id. */
export const alibabaAccessKeySecret = boundDetector({
  id: 'secret/alibaba-access-key-secret',
  title: 'Alibaba Cloud AccessKey secret',
  provider: 'Alibaba Cloud',
  description:
    'An Alibaba Cloud AccessKey secret (30 letters and digits), named as one (`ALIBABA_CLOUD_ACCESS_KEY_SECRET`, `accessKeySecret`) near an AccessKey ID or an Alibaba name, or the next item after an AccessKey ID.',
  near: ['ltai', 'alibaba', 'aliyun'],
  value: '[A-Za-z0-9]{30}',
  chars: 'A-Za-z0-9_-',
  names: /^(?:alibaba(?:cloud)?|aliyun|alicloud)?(?:accesskey|ak)?secret$/,
  placed: afterKeyId,
  verify: (v) => (/[0-9]/.test(v) && /[A-Za-z]/.test(v) ? undefined : false),
  samples: {
    match: () => [
      `ALIBABA_CLOUD_ACCESS_KEY_ID=${['LT', 'AI'].join('')}xxxxxxxxxxxxxxxxxxxx\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${fake(30, ALNUM, 'ali-2')}\n`,
      `new OSS({ region: 'oss-cn-hangzhou', accessKeyId: process.env.ID, accessKeySecret: '${fake(30, ALNUM, 'ali-3')}' }) // aliyun`,
    ],
    noMatch: () => [
      ...unboundSamples('ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'alibaba', fake(30, ALNUM, 'ali-4')),
      `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${'x'.repeat(30)}`,
    ],
  },
})
