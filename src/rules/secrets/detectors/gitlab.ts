import { ALNUM, B64URL, fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

// Prefixes per https://docs.gitlab.com/security/tokens/#token-prefixes; routable tokens end
// in `.<2><7>` (base36).
const KINDS: Record<string, string> = {
  glpat: 'GitLab personal access token',
  gldt: 'GitLab deploy token',
  glft: 'GitLab feed token',
  glsoat: 'GitLab SCIM token',
  glcbt: 'GitLab CI/CD job token',
  glptt: 'GitLab pipeline trigger token',
  gloas: 'GitLab OAuth application secret',
  glimt: 'GitLab incoming mail token',
  glagent: 'GitLab agent for Kubernetes token',
  glffct: 'GitLab feature flag client token',
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz'

export const gitlabToken = tokenDetector({
  id: 'secret/gitlab-token',
  title: 'GitLab token',
  provider: 'GitLab',
  description: 'A GitLab access token (`glpat-`, `gldt-`, `glptt-`, `gloas-` …).',
  keywords: Object.keys(KINDS).map((k) => `${k}-`),
  pattern: `${B}(${Object.keys(KINDS).join('|')})-(?<body>[A-Za-z0-9_-]{20,300})(?:\\.[0-9a-z]{9})?${E}`,
  label: (m) => KINDS[m[1]],
  samples: {
    match: () => [
      ['glpat', fake(20, ALNUM, 'gl-1')].join('-'),
      `GITLAB_TOKEN="${['glpat', fake(27, B64URL, 'gl-2') + '.01' + fake(7, BASE36, 'gl-3')].join('-')}"`,
      ['glptt', fake(40, HEX, 'gl-4')].join('-'),
    ],
    noMatch: () => [
      'glpat-XXXXXXXXXXX-XXXXXXXX',
      'glpat-xxxxxxxx-xxxxxxxxxxxxxxxxxx.xxxxxxxxx',
      'glptt-' + 'x'.repeat(40),
      'const prefix = "glpat-"',
      ['glpat', fake(12, ALNUM, 'gl-5')].join('-'),
    ],
  },
})

export const gitlabRunnerToken = tokenDetector({
  id: 'secret/gitlab-runner-token',
  title: 'GitLab runner token',
  provider: 'GitLab',
  description: 'A GitLab runner authentication or registration token (`glrt-`, `GR1348941`).',
  keywords: ['glrt-', 'gr1348941'],
  pattern: `${B}(?:glrt-|GR1348941)(?<body>[A-Za-z0-9_-]{20,300})(?:\\.[0-9a-z]{9})?${E}`,
  samples: {
    match: () => [
      ['glrt', 't1_' + fake(27, ALNUM, 'glr-1')].join('-'),
      'GR1348' + '941' + fake(20, ALNUM, 'glr-2'),
    ],
    noMatch: () => [
      'GR134894112312312312312312312',
      'GR1348941XXXXXXXXXXXXXXXXXXXX',
      'glrt-tx_xxxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxx',
    ],
  },
})
