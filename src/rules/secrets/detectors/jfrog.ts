import { ALNUM, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const jfrogApiKey = tokenDetector({
  id: 'secret/jfrog-api-key',
  title: 'JFrog Artifactory API key',
  provider: 'JFrog',
  description: 'A JFrog Artifactory API key (`AKCp` + 69 letters and digits).',
  keywords: ['akcp'],
  pattern: `${B}AKCp(?<body>[A-Za-z0-9]{69})${E}`,
  samples: {
    match: () => [
      `ARTIFACTORY_API_KEY=AK${'Cp'}${fake(69, ALNUM, 'jf-1')}`,
      `curl -H "X-JFrog-Art-Api: AK${'Cp'}${fake(69, ALNUM, 'jf-2')}" https://acme.jfrog.io/artifactory/api/repositories`,
    ],
    noMatch: () => [
      'AKCp' + 'x'.repeat(69),
      `AKCp${fake(50, ALNUM, 'jf-3')}`,
      'ARTIFACTORY_API_KEY=AKCp...',
    ],
  },
})

/** `cmVmdGtu` is base64 of `reftkn`: every reference token starts with it. */
export const jfrogReferenceToken = tokenDetector({
  id: 'secret/jfrog-reference-token',
  title: 'JFrog reference token',
  provider: 'JFrog',
  description:
    'A JFrog Platform reference (access) token (`cmVmdGtu`, base64 of `reftkn`, + 56 letters and digits).',
  keywords: ['cmvmdgtu'],
  pattern: `${B}cmVmdGtu(?<body>[A-Za-z0-9]{56})${E}`,
  samples: {
    match: () => [
      `JFROG_ACCESS_TOKEN=cmVm${'dGtu'}${fake(56, ALNUM, 'jf-4')}`,
      `//acme.jfrog.io/artifactory/api/npm/npm/:_authToken=cmVm${'dGtu'}${fake(56, ALNUM, 'jf-5')}`,
    ],
    noMatch: () => ['cmVmdGtu' + 'x'.repeat(56), `cmVmdGtu${fake(40, ALNUM, 'jf-6')}`],
  },
})
