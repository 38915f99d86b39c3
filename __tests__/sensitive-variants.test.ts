import { generateKeyPairSync } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import { describe, expect, test } from '@jest/globals'
import { checksummed } from '../src/rules/secrets/kit/samples.js'
import { checkBytes } from './helpers/check.js'
import { npmTgz, tgz } from './helpers/tar.js'

// Values are built from pieces at run time: no committed literal looks like a credential.
const npmToken = checksummed('npm_', 'variants-1')
const gh = checksummed('ghp_', 'variants-2')
const value = ['r3al', 'V4lue', '9x7q'].join('')
const b64 = (s: string) => Buffer.from(s).toString('base64')

const ruleOf = async (name: string, content: string | Buffer) => {
  const r = await checkBytes('p.tgz', npmTgz({ 'package.json': '{"name":"p"}', [name]: content }))
  return r.findings.filter((f) => f.rule.startsWith('file/')).map((f) => [f.rule, f.severity])
}

describe('every .env a release step leaves behind', () => {
  test.each([
    '.env',
    '.env.production',
    '.env.local',
    '.env~',
    '#.env#',
    '.env_production',
    '.env-staging',
    '.env ',
    '.env\u200b',
    '\u202e.env',
    '.env.production.bak',
    '.env.swp',
    'config/production.env',
    '.envs/.production/.django',
    '.envrc',
  ])('%j is file/sensitive-env', async (name) => {
    expect(await ruleOf(name, `API_KEY=${value}\n`)).toContainEqual(['file/sensitive-env', 'error'])
  })

  test.each([
    ['.env.example', 'API_KEY=\nTOKEN=${TOKEN}\nPASSWORD=<your-password>\n'],
    ['example.env', 'SECRET_KEY=changeme\n'],
    ['.envs/.production/.django.sample', 'DJANGO_SECRET_KEY=\n'],
    ['.env.schema', 'API_KEY=string\n'],
    ['.envrc', 'use flake\nexport PATH=$PWD/bin:$PATH\nlayout node\n'],
    ['src/load.env.ts', 'export const x = 1'],
    ['docs/dotenv.md', 'A=1'],
    ['lib/test.env', '# nothing assigned here\n'],
    // A template's harmless values (firebase-tools ships one): no credential assigned.
    ['templates/integration-test.env', 'GREETING=Hello\nLOCATION=us-central1\n'],
    ['.environment/README', 'x'],
  ])('%j with placeholders is not', async (name, content) => {
    expect(await ruleOf(name, content)).toEqual([])
  })

  test('an example file with a real-looking value is', async () => {
    expect(await ruleOf('staging.example.env', `STRIPE_SECRET_KEY=${value}\n`)).toEqual([
      ['file/sensitive-env', 'error'],
    ])
  })
})

describe('registry and service credentials', () => {
  const bom = '\ufeff'
  test.each([
    ['npmrc', `//registry.npmjs.org/:_authToken=${npmToken}\n`],
    ['.npmrc', `${bom}//registry.npmjs.org/:_authToken=${npmToken}\n`],
    ['.yarnrc', `"//registry.npmjs.org/:_authToken" "${npmToken}"\n`],
    ['.yarnrc.yml', `${bom}npmAuthToken: ${npmToken}\n`],
    ['home/.gem/credentials', `---\n:rubygems_api_key: rubygems_${value}${value}\n`],
    ['.cargo/credentials.toml', `[registry]\ntoken = "cio${value}${value}"\n`],
    ['.pypirc', `[pypi]\nusername = __token__\npassword = pypi-${value}\n`],
  ])('%j -> file/sensitive-registry-credentials', async (name, content) => {
    expect(await ruleOf(name, content)).toContainEqual([
      'file/sensitive-registry-credentials',
      'error',
    ])
  })

  test.each([
    ['.pgpass', `db.internal:5432:app:deploy:${value}\n`],
    ['deploy/config.json', `{"auths":{"ghcr.io":{"auth":"${b64(`me:${value}`)}"}}}`],
    [
      'etc/kubernetes/admin.conf',
      `users:\n- name: admin\n  user:\n    client-key-data: ${b64(value.repeat(4))}\n`,
    ],
    ['ops/prod.kubeconfig', `users:\n- user:\n    token: ${value}${value}\n`],
    ['infra/terraform.tfstate.backup', '{}'],
    ['infra/prod.tfstate.backup', '{}'],
  ])('%j -> file/sensitive-credentials', async (name, content) => {
    expect(await ruleOf(name, content)).toContainEqual(['file/sensitive-credentials', 'error'])
  })

  test.each([
    [
      'npmrc',
      'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n',
    ],
    ['.yarnrc', 'registry "https://registry.npmjs.org/"\n'],
    ['.gem/credentials', '---\n:rubygems_api_key: <your-key>\n'],
    ['.cargo/credentials.toml', '[registry]\ntoken = "${CARGO_TOKEN}"\n'],
    ['.pgpass', '# host:port:db:user:password\n*:*:*:*:$PGPASSWORD\n'],
    ['tsconfig/config.json', '{"compilerOptions":{"auths":{}}}'],
    ['.docker/config.json', '{"auths":{"ghcr.io":{}},"credsStore":"desktop"}'],
    ['admin.conf', 'users:\n- name: admin\n  user:\n    client-certificate: /etc/x.crt\n'],
  ])('%j without a credential is not', async (name, content) => {
    expect(await ruleOf(name, content)).toEqual([])
  })
})

describe('binary keys by their bytes, whatever the name', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const der = (k: typeof rsa.privateKey, type: 'pkcs1' | 'pkcs8' | 'sec1', cipher?: string) =>
    k.export({ format: 'der', type, ...(cipher && { cipher, passphrase: 'x' }) }) as Buffer
  // PFX: SEQUENCE { INTEGER 3, SEQUENCE { ... } }, BER indefinite length as Java writes it too.
  const pfx = Buffer.concat([
    Buffer.from([0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80]),
    Buffer.alloc(40),
  ])
  const jks = Buffer.concat([Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]), Buffer.alloc(40)])

  test.each([
    ['keys/deploy.der', der(rsa.privateKey, 'pkcs1')],
    ['keys/deploy', der(rsa.privateKey, 'pkcs8')],
    ['keys/signing.bin', der(ec.privateKey, 'sec1')],
    ['keys/enc.p8', der(rsa.privateKey, 'pkcs8', 'aes-256-cbc')],
    ['dist/cert.dat', pfx],
    ['android/release', jks],
  ])('%s -> file/sensitive-private-key', async (name, bytes) => {
    expect(await ruleOf(name, bytes)).toEqual([['file/sensitive-private-key', 'error']])
  })

  test.each([
    ['a public key', rsa.publicKey.export({ format: 'der', type: 'spki' }) as Buffer],
    ['a key cut short', der(rsa.privateKey, 'pkcs1').subarray(0, 300)],
    // A DER certificate: SEQUENCE { SEQUENCE tbsCertificate { [0] version ... } }.
    ['a certificate', Buffer.from([0x30, 0x0a, 0x30, 0x08, 0xa0, 0x03, 0x02, 0x01, 0x02, 0, 0, 0])],
    ['random bytes', Buffer.from([0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x00, 0x02, 9, 9])],
  ])('%s is not', async (_, bytes) => {
    expect(await ruleOf('lib/data.bin', bytes)).toEqual([])
  })
})

describe('a shipped .git/', () => {
  const loose = (content: string) =>
    deflateSync(Buffer.concat([Buffer.from(`blob ${content.length}\0`), Buffer.from(content)]))
  const packed = (contents: string[]) => {
    const head = Buffer.alloc(12)
    head.write('PACK', 0, 'latin1')
    head.writeUInt32BE(2, 4)
    head.writeUInt32BE(contents.length, 8)
    const objects = contents.map((c) => {
      // Type 3 (blob), size in the low nibble and 7-bit continuation bytes.
      const bytes = [(3 << 4) | (c.length & 15)]
      for (let n = c.length >> 4; n > 0; n >>= 7) {
        bytes[bytes.length - 1] |= 0x80
        bytes.push(n & 127)
      }
      return Buffer.concat([Buffer.from(bytes), deflateSync(Buffer.from(c))])
    })
    return Buffer.concat([head, ...objects, Buffer.alloc(20)])
  }

  test('is an error, and its config and objects are scanned for secrets', async () => {
    const r = await checkBytes(
      'g.tgz',
      tgz([
        { name: 'package/package.json', content: '{"name":"g"}' },
        {
          name: 'package/.git/config',
          content: `[remote "origin"]\n\turl = https://ci:${gh}@github.com/o/r.git\n`,
        },
        {
          name: 'package/.git/objects/ab/' + 'c'.repeat(38),
          content: loose(`const t = "${npmToken}"\n`),
        },
        {
          name: 'package/.git/objects/pack/pack-1.pack',
          content: packed(['hello\n', `x = "${gh}"\n`]),
        },
      ]),
    )
    const found = r.findings.map((f) => [f.rule, f.severity, f.file])
    expect(found).toContainEqual(['file/vcs-folder', 'error', '.git/'])
    expect(found).toContainEqual(['secret/github-token', 'error', '.git/config'])
    expect(found).toContainEqual(['secret/npm-token', 'error', `.git/objects/ab/${'c'.repeat(38)}`])
    expect(found).toContainEqual([
      'secret/github-token',
      'error',
      '.git/objects/pack/pack-1.pack!object[1]',
    ])
    expect(r.findings.find((f) => f.rule === 'file/vcs-folder')?.message).toContain('every version')
  })

  test('an .svn/ stays a warning; objects inflate only within the safety limits', async () => {
    // 1.5 MiB of padding, then a token: past a 1 MiB max-entry-bytes, the object is not inflated.
    const big = loose(`${' '.repeat(1.5 * 1024 * 1024)}${gh}\n`)
    const artifact = tgz([
      { name: 'package/.svn/entries', content: '12\n' },
      { name: 'package/.git/objects/ab/' + 'd'.repeat(38), content: loose('hello\n') },
      { name: 'package/.git/objects/ab/' + 'e'.repeat(38), content: big },
    ])
    const limited = await checkBytes('s.tgz', artifact, 'safety:\n  max-entry-bytes: 1048576\n')
    expect(limited.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['file/vcs-folder', 'error'],
      ['file/vcs-folder', 'warning'],
    ])
    const plain = await checkBytes('s.tgz', artifact)
    expect(plain.findings.map((f) => f.rule)).toContain('secret/github-token')
  })
})
