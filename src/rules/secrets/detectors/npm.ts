import { crcChecksum } from '../kit/checksum.js'
import { ALNUM, badChecksum, checksummed, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

/** npm's granular and automation tokens use GitHub's format: 30 random + 6 checksum. */
export const npmToken = tokenDetector({
  id: 'secret/npm-token',
  title: 'npm access token',
  provider: 'npm',
  description: 'An npm access token (`npm_`) whose checksum is valid.',
  keywords: ['npm_'],
  // npm's own variables (npm_config_*, npm_package_*) are in much code: only a token body counts.
  guards: { npm_: '[A-Za-z0-9]{36}' },
  pattern: `${B}npm_(?<body>(?<random>[A-Za-z0-9]{30})(?<sum>[A-Za-z0-9]{6}))${E}`,
  checksum: true,
  verify: (m) =>
    crcChecksum(m.groups!.random) === m.groups!.sum ? undefined : 'its checksum does not match',
  samples: {
    match: () => [
      checksummed('np' + 'm_', 'npm-1'),
      `//registry.npmjs.org/:_authToken=${checksummed('np' + 'm_', 'npm-2')}\n`,
    ],
    noMatch: () => [
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      'process.env.npm_config_registry',
      'npm_package_json',
      'npm_' + '0'.repeat(36),
      'npm_' + fake(20, ALNUM, 'npm-3'),
    ],
    unverified: () => [badChecksum('np' + 'm_', 'npm-4')],
  },
})
