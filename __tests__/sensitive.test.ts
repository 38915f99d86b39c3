import { describe, expect, test } from '@jest/globals'
import { checkBytes } from './helpers/check.js'
import { npmTgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

// Values are built from pieces at run time: no committed literal looks like a credential.
const token = ['npm', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('_')
const keyBody = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'
  .repeat(8)
  .match(/.{1,64}/g)
  ?.join('\n')
const pem = (kind: string) =>
  [`-----BEGIN ${kind}-----`, keyBody, `-----END ${kind}-----`].join('\n')

describe('sensitive files (must match)', () => {
  test.each([
    ['.env', 'API_URL=https://x\n', 'file/sensitive-env'],
    ['config/.env.production', 'A=1\n', 'file/sensitive-env'],
    ['.env.example', `STRIPE_SECRET_KEY=${'r'.repeat(3)}ealvalue123\n`, 'file/sensitive-env'],
    [
      '.npmrc',
      `//registry.npmjs.org/:_authToken=${token}\n`,
      'file/sensitive-registry-credentials',
    ],
    ['.yarnrc.yml', `npmAuthToken: ${token}\n`, 'file/sensitive-registry-credentials'],
    [
      '.pypirc',
      '[pypi]\nusername = __token__\npassword = pypi-abcdefgh\n',
      'file/sensitive-registry-credentials',
    ],
    ['.netrc', 'machine github.com login me password hunter22\n', 'file/sensitive-credentials'],
    ['.git-credentials', 'https://me:pw@github.com\n', 'file/sensitive-credentials'],
    [
      'home/.aws/credentials',
      '[default]\naws_secret_access_key = abcdEFGHijklMNOP\n',
      'file/sensitive-credentials',
    ],
    [
      '.docker/config.json',
      `{"auths":{"r.io":{"auth":"${Buffer.from('me:pw123456').toString('base64')}"}}}`,
      'file/sensitive-credentials',
    ],
    [
      'deploy/kubeconfig',
      'users:\n- name: x\n  user:\n    token: abcdefgh12345678\n',
      'file/sensitive-credentials',
    ],
    [
      'adc.json',
      '{"type": "authorized_user", "refresh_token": "1//0abcdefghijkl"}',
      'file/sensitive-credentials',
    ],
    ['infra/terraform.tfstate', '{}', 'file/sensitive-credentials'],
    ['.htpasswd', 'me:$apr1$x$y\n', 'file/sensitive-credentials'],
    ['keys/id_ed25519', 'anything', 'file/sensitive-private-key'],
    ['certs/server.pem', pem('PRIVATE KEY'), 'file/sensitive-private-key'],
    ['certs/old.key', pem('RSA PRIVATE KEY'), 'file/sensitive-private-key'],
    ['release.p12', 'bin', 'file/sensitive-private-key'],
    ['android/app.keystore', 'bin', 'file/sensitive-private-key'],
  ])('%s -> %s', async (name, content, rule) => {
    const r = await checkBytes('p.tgz', npmTgz({ [name]: content }))
    expect(r.findings.map((f) => f.rule)).toContain(rule)
    expect(r.findings.find((f) => f.rule === rule)?.severity).toBe('error')
  })
})

describe('sensitive files (must not match)', () => {
  test.each([
    ['.env.example', 'API_URL=\nSTRIPE_SECRET_KEY=\nTOKEN=${TOKEN}\nPASSWORD=<your-password>\n'],
    ['.env.template', 'SECRET_KEY=changeme\n'],
    [
      '.npmrc',
      'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n',
    ],
    ['.yarnrc.yml', 'nodeLinker: node-modules\n'],
    ['certs/ca.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'],
    ['docs/id_rsa.pub', 'ssh-ed25519 AAAA me'],
    ['lib/environment.js', 'module.exports = process.env'],
    ['package.json', '{"name":"x","files":["lib"],"type":"service_account_helper"}'],
    ['src/.envrc.d/README', 'x'],
    ['.github/workflows/ci.yml', 'on: push'],
    ['.gitignore', 'node_modules'],
  ])('%s', async (name, content) => {
    const r = await checkBytes('p.tgz', npmTgz({ [name]: content }))
    expect(r.findings).toEqual([])
  })
})

describe('cruft', () => {
  test('VCS folders warn once per folder; cruft and test folders are notices', async () => {
    const r = await checkBytes(
      'p.tgz',
      npmTgz({
        'package.json': '{"files":["lib"]}',
        '.svn/entries': 'x',
        '.svn/wc.db': 'x',
        '.DS_Store': 'x',
        '.idea/workspace.xml': 'x',
        'coverage/lcov.info': 'x',
        'npm-debug.log': 'x',
        'lib/index.js.orig': 'x',
        'lib/.index.js.swp': 'x',
        'test/a.test.js': 'x',
        'test/fixtures/b.js': 'x',
      }),
    )
    expect(r.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([
      ['file/vcs-folder', 'warning', '.svn/'],
      ['file/cruft', 'notice', '.DS_Store'],
      ['file/cruft', 'notice', '.idea/'],
      ['file/cruft', 'notice', 'coverage/'],
      ['file/cruft', 'notice', 'lib/.index.js.swp'],
      ['file/cruft', 'notice', 'lib/index.js.orig'],
      ['file/cruft', 'notice', 'npm-debug.log'],
      ['file/test-folder', 'notice', 'test/'],
    ])
    expect(r.result).toBe('pass')
  })

  test('test folders are not reported outside npm packages', async () => {
    const r = await checkBytes('w.zip', zip([{ name: 'pkg/tests/test_a.py', content: 'x' }]))
    expect(r.findings).toEqual([])
  })
})
