import { crcChecksum } from '../kit/checksum.js'
import { ALNUM, badChecksum, checksummed, fake } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const KINDS: Record<string, string> = {
  p: 'GitHub personal access token (classic)',
  o: 'GitHub OAuth access token',
  u: 'GitHub user-to-server token',
  s: 'GitHub server-to-server token',
  r: 'GitHub refresh token',
}

/** `ghp_` and friends: 30 random base62 characters, then a 6-character CRC-32 checksum. */
export const githubToken = tokenDetector({
  id: 'secret/github-token',
  title: 'GitHub token',
  provider: 'GitHub',
  description:
    'A GitHub token (`ghp_` classic personal access token, `gho_`, `ghu_`, `ghs_`, `ghr_`) whose checksum is valid.',
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  pattern: `${B}gh([pousr])_(?<body>(?<random>[A-Za-z0-9]{30})(?<sum>[A-Za-z0-9]{6}))${E}`,
  label: (m) => KINDS[m[1]],
  checksum: true,
  verify: (m) =>
    crcChecksum(m.groups!.random) === m.groups!.sum ? undefined : 'its checksum does not match',
  samples: {
    match: () => [
      checksummed('gh' + 'p_', 'github-1'),
      `GITHUB_TOKEN=${checksummed('gh' + 'o_', 'github-2')}\n`,
      `headers:{Authorization:"token ${checksummed('gh' + 's_', 'github-3')}"}`,
      `https://x-access-token:${checksummed('gh' + 's_', 'github-4')}@github.com/o/r.git`,
    ],
    noMatch: () => [
      'ghp_' + 'x'.repeat(36),
      'ghp_' + 'X'.repeat(36),
      'ghp_' + ALNUM.slice(0, 36),
      'ghp_' + '1234567890'.repeat(4).slice(0, 36),
      'const re = /ghp_[A-Za-z0-9]{36}/',
      'const PREFIX = "ghp_"',
      'token: `ghp_${TOKEN}`',
      'token: process.env.GITHUB_TOKEN',
      '<your-token>',
      'ghp_' + fake(30, ALNUM, 'github-short'),
      'ghp_yourPersonalAccessTokenGoesHere12345',
    ],
    unverified: () => [
      badChecksum('gh' + 'p_', 'github-5'),
      'ghp_' + fake(36, ALNUM, 'github-6'),
      'ghp_' + fake(16, ALNUM, 'github-7') + 'TestToken' + fake(11, ALNUM, 'github-8'),
    ],
  },
})

/** `github_pat_`: 22 characters of id, `_`, 59 of secret. No published checksum. */
export const githubFineGrainedToken = tokenDetector({
  id: 'secret/github-fine-grained-token',
  title: 'GitHub fine-grained personal access token',
  provider: 'GitHub',
  description: 'A GitHub fine-grained personal access token (`github_pat_`).',
  keywords: ['github_pat_'],
  pattern: `${B}github_pat_[A-Za-z0-9]{22}_(?<body>[A-Za-z0-9]{59})${E}`,
  samples: {
    match: () => [
      ['github', 'pat', fake(22, ALNUM, 'ghfg-1'), fake(59, ALNUM, 'ghfg-2')].join('_'),
      `token = "${['github', 'pat', fake(22, ALNUM, 'ghfg-3'), fake(59, ALNUM, 'ghfg-4')].join('_')}"`,
    ],
    noMatch: () => [
      'github_pat_',
      `github_pat_${'x'.repeat(22)}_${'x'.repeat(59)}`,
      'if (t.startsWith("github_pat_")) kind = "fine-grained"',
      '/github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/',
      ['github', 'pat', fake(22, ALNUM, 'ghfg-5'), fake(40, ALNUM, 'ghfg-6')].join('_'),
    ],
  },
})
