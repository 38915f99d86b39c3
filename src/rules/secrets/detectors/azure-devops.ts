import { boundDetector, unboundSamples } from '../kit/keyword-bound.js'
import { markerDetector } from '../kit/marker.js'
import { ALNUM, fake } from '../kit/samples.js'

const patOf = (seed: string) =>
  fake(52, ALNUM, seed) +
  'JQ' +
  'QJ' +
  fake(20, ALNUM, seed + 'b') +
  'AZ' +
  'DO' +
  fake(4, ALNUM, seed + 'c')

/** The 84-character format: 52 random characters, `JQQJ`, 20 more, `AZDO` and 4. */
export const azureDevopsPat = markerDetector({
  id: 'secret/azure-devops-pat',
  title: 'Azure DevOps personal access token',
  provider: 'Azure DevOps',
  description:
    'An Azure DevOps personal access token in the 84-character format (52 random characters, `JQQJ` at 52, `AZDO` at 76).',
  keywords: ['azdo'],
  before: 76,
  pattern: `(?<![A-Za-z0-9])(?<body>[A-Za-z0-9]{52})JQQJ[A-Za-z0-9]{20}AZDO[A-Za-z0-9]{4}(?![A-Za-z0-9])`,
  shown: 0,
  samples: {
    match: () => [
      `AZURE_DEVOPS_EXT_PAT=${patOf('azdo-1')}`,
      `git clone https://pat:${patOf('azdo-2')}@dev.azure.com/org/p/_git/r`,
    ],
    noMatch: () => [
      `AZURE_DEVOPS_EXT_PAT=${'x'.repeat(52)}JQQJ${'x'.repeat(20)}AZDO${'x'.repeat(4)}`,
      `AZURE_DEVOPS_EXT_PAT=${patOf('azdo-3').slice(1)}`,
      'AZDO_ORG_SERVICE_URL=https://dev.azure.com/org',
    ],
  },
})

/** The older 52-character format: lower-case base32, bound to Azure DevOps by name or block. */
export const azureDevopsLegacyPat = boundDetector({
  id: 'secret/azure-devops-legacy-pat',
  title: 'Azure DevOps personal access token (52 characters)',
  provider: 'Azure DevOps',
  description:
    'An Azure DevOps personal access token in the older format (52 lower-case base32 characters), named as one (`AZURE_DEVOPS_PAT`, `AZURE_DEVOPS_EXT_PAT`, `AZDO_PERSONAL_ACCESS_TOKEN`) or as `pat`/`token` inside an Azure DevOps block.',
  near: [
    'azure_devops',
    'azure-devops',
    'azuredevops',
    'azdo',
    'dev.azure.com',
    'visualstudio.com',
  ],
  value: '[a-z2-7]{52}',
  chars: 'A-Za-z0-9_-',
  names:
    /^(?:azure(?:devops)?|azdo|ado|vsts)(?:ext)?(?:pat|personalaccesstoken|token|accesstoken)$/,
  generic: /^(?:pat|personalaccesstoken|(?:access)?token|password)$/,
  verify: (v) => (/[2-7]/.test(v) && /[a-z]/.test(v) ? undefined : false),
  samples: {
    match: () => [
      `AZURE_DEVOPS_EXT_PAT=${fake(52, 'abcdefghijklmnopqrstuvwxyz234567', 'azdo-4')}\n`,
      `{"organization": "https://dev.azure.com/acme", "token": "${fake(52, 'abcdefghijklmnopqrstuvwxyz234567', 'azdo-5')}"}`,
    ],
    noMatch: () => [
      ...unboundSamples(
        'AZURE_DEVOPS_PAT',
        'azure_devops',
        fake(52, 'abcdefghijklmnopqrstuvwxyz234567', 'azdo-6'),
      ),
      `AZURE_DEVOPS_PAT=${'x'.repeat(52)}`,
    ],
  },
})
