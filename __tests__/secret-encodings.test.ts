import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, test } from '@jest/globals'
import type { RawFinding } from '../src/findings.js'
import { utf16Of } from '../src/rules/secrets/engine/encodings.js'
import { checksummed } from '../src/rules/secrets/kit/samples.js'
import { scanBytes } from '../src/rules/secrets/scan.js'

// Tokens are built at run time from pieces: no committed literal looks like one.
const gh = checksummed('ghp_', 'enc-1')
const npmToken = checksummed('npm_', 'enc-2')

function found(bytes: Buffer, file: string): Array<[string, number | undefined]> {
  const out: RawFinding[] = []
  scanBytes(bytes, file, (f) => out.push(f))
  return out.map((f) => [f.rule, f.line])
}

describe('UTF-16 text', () => {
  const be = (s: string) => Buffer.from(s, 'utf16le').swap16()
  const text = `# settings\r\nname = app\r\ntoken = "${gh}"\r\n`
  test.each([
    ['LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be(text)])],
    ['LE without a BOM', Buffer.from(text, 'utf16le')],
    ['BE without a BOM', be(text)],
    ['LE with non-latin1 text around', Buffer.from(`説明 ${text}`, 'utf16le')],
  ])('%s is read as text', (_, bytes) => {
    expect(found(bytes, 'config/app.ini')).toEqual([['secret/github-token', 3]])
  })

  test.each([
    ['a placeholder in UTF-16', Buffer.from(`token = "ghp_${'x'.repeat(36)}"\r\n`, 'utf16le')],
    [
      'UTF-16 text without a token',
      Buffer.from('hello world, nothing here\r\n'.repeat(9), 'utf16le'),
    ],
  ])('%s finds nothing', (_, bytes) => {
    expect(found(bytes, 'a.txt')).toEqual([])
  })

  test('binaries are not taken for UTF-16', () => {
    const uint32s = Buffer.alloc(64)
    for (let i = 0; i < 16; i++) uint32s.writeUInt32LE(i * 3 + 1, i * 4)
    expect(utf16Of(uint32s)).toBeUndefined()
    expect(
      utf16Of(Buffer.concat([Buffer.from('MZ\x90\0\x03\0\0\0', 'latin1'), Buffer.alloc(56)])),
    ).toBeUndefined()
    expect(utf16Of(Buffer.from('plain ascii text'))).toBeUndefined()
  })
})

describe('.pyc strings', () => {
  // What Python 3 marshal writes for string constants: a type byte (FLAG_REF set or not), a
  // length, the bytes, then the next object's type byte: `N` for None, `Z` for another string.
  const header = Buffer.from([0xa7, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8])
  const str = (s: string, code = 0xda) =>
    Buffer.concat([Buffer.from([code, s.length]), Buffer.from(s)])
  const pyc = (...parts: Buffer[]) =>
    Buffer.concat([header, Buffer.from([0xe3, 0, 0, 0]), ...parts, Buffer.from(')')])

  test.each([
    ['a token followed by None (N)', pyc(str(gh), Buffer.from('N'), str('hello world'))],
    ['a token followed by a plain interned string (Z)', pyc(str(gh), str('configure', 0x5a))],
    [
      'a token after a short string type z with a letter length',
      pyc(str(`x=${npmToken}`.slice(2), 0x7a), Buffer.from('r\x05')),
    ],
  ])('%s is found', (_, bytes) => {
    expect(found(bytes, 'pkg/__pycache__/settings.cpython-311.pyc').map(([r]) => r)).toHaveLength(1)
  })

  test('the same bytes outside a .pyc are read as printable runs (the boundary holds there)', () => {
    expect(found(pyc(str(gh), Buffer.from('N'), str('hello world')), 'lib/data.bin')).toEqual([])
  })

  test.each([
    [
      'a .pyc without tokens',
      pyc(str('ghp_helpers_module'), Buffer.from('N'), str('token_for_user')),
    ],
    ['a .pyc with a placeholder', pyc(str(`ghp_${'x'.repeat(36)}`), Buffer.from('N'))],
    ['a longer string that only starts like a token', pyc(str(`${gh}abc`), Buffer.from('N'))],
  ])('%s finds nothing', (_, bytes) => {
    expect(found(bytes, 'm.pyc')).toEqual([])
  })
})

describe('base64 values of credential-named keys in config files', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64')
  const scan = (text: string, file: string) => {
    const out: RawFinding[] = []
    scanBytes(Buffer.from(text), file, (f) => out.push(f))
    return out.map((f) => [f.rule, f.file, f.line])
  }

  test.each([
    ['YAML', 'deploy/values.yaml', `app: x\ntoken: ${b64(gh)}\n`, 'secret/github-token'],
    [
      'JSON, quoted',
      'config/prod.json',
      `{\n  "authToken": "${b64(npmToken)}"\n}`,
      'secret/npm-token',
    ],
    [
      'base64url in an .env',
      '.env.production',
      `X=1\nGH_TOKEN=${Buffer.from(`t=${gh}`).toString('base64url')}\n`,
      'secret/github-token',
    ],
  ])('%s', (_, file, text, rule) => {
    expect(scan(text, file)).toContainEqual([rule, `${file}!base64[line 2]`, 1])
  })

  test('a kubeconfig client key (base64 of a PEM key) has its own detector, in any file', () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      format: 'pem',
      type: 'pkcs1',
    }) as string
    const text = `users:\n- name: admin\n  user:\n    client-key-data: ${b64(pem)}\n`
    for (const file of ['admin.conf', 'deploy/cluster-prod'])
      expect(scan(text, file)).toEqual([['secret/kubeconfig-client-key', file, 4]])
  })

  test.each([
    [
      'base64 that decodes to plain words',
      'a.yml',
      `password: ${b64('hello world, nothing secret here')}\n`,
    ],
    [
      'base64 of random key bytes',
      'a.yml',
      `key: ${Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 73 + 5) & 255)).toString('base64')}\n`,
    ],
    ['base64 of a placeholder token', 'a.json', `{"token": "${b64(`ghp_${'x'.repeat(36)}`)}"}`],
    ['a key not named like a credential', 'a.yml', `image: ${b64(gh)}\n`],
  ])('%s finds nothing', (_, file, text) => {
    expect(scan(text, file)).toEqual([])
  })

  test('outside a config file it is not decoded for providers; the literal is still a credential', () => {
    expect(scan(`const token = "${b64(gh)}"\n`, 'dist/app.js').map((f) => f[0])).toEqual([
      'secret/generic-credential',
    ])
  })
})
