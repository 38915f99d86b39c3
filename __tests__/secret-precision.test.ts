import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, test } from '@jest/globals'
import type { RawFinding } from '../src/findings.js'
import { scanSecrets } from '../src/rules/secrets/scan.js'
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { nameOf, nextAfter } from '../src/rules/secrets/kit/binding.js'
import { doubt } from '../src/rules/secrets/kit/placeholder.js'
import { ALNUM, B64, B64URL, checksummed, fake, HEX } from '../src/rules/secrets/kit/samples.js'
import { opensshKey, sshKeygen, sshPrivateKey } from '../src/rules/secrets/kit/ssh-keys.js'
import { checkBytes } from './helpers/check.js'
import { npmTgz } from './helpers/tar.js'

// "Real credentials only": what a release gate must not fail on, beside what it must still
// fail on. Detector samples (secrets.test.ts) cover each provider; these cover the judgements
// shared by all of them.

function scan(text: string, file = 'dist/app.js'): RawFinding[] {
  const out: RawFinding[] = []
  scanSecrets(text, file, (f) => out.push(f))
  return out
}
// The reason for a judged severity, as the report shows it under recommended.
const found = (text: string, file?: string) =>
  scan(text, file).map((f) => [
    f.rule,
    f.severity ?? null,
    f.because ? `${f.message} (${f.because})` : f.message,
  ])

describe('a value is judged by its whole structure', () => {
  test.each([
    'x'.repeat(40),
    'abcdefghijklmnopqrstuvwxyz0123456789',
    'abcabcabcabcabcabcabc',
    'key_1234',
    'key_7890',
    'secret-9876',
    'PersonalAccessToken' + '0'.repeat(17),
    // @octokit/auth-token's README, misspelling included
    'InstallallationOrActionToken' + '0'.repeat(8),
    'YOUR_API_KEY_HERE',
    '<your-token>',
    '${GITHUB_TOKEN}',
    '{{api_key}}',
  ])('made up: %s', (value) => {
    expect(doubt(value)).toBe('placeholder')
  })

  test.each([
    ['AAAA runs inside base64', fake(30, B64, 'whole-1') + 'AAAAAAAA' + fake(30, B64, 'whole-2')],
    [
      'a counting run inside hex',
      fake(20, HEX, 'whole-3') + '123456789' + fake(20, HEX, 'whole-4'),
    ],
    [
      'a zero run inside alphanumerics',
      fake(9, ALNUM, 'whole-5') + '000000' + fake(9, ALNUM, 'whole-6'),
    ],
    ['a password with a year', 'Spring' + '2024'],
    ['a password with a short count', 'Welcome' + '123'],
  ])('random, or typed without a counting body: %s', (_, value) => {
    expect(doubt(value)).toBeUndefined()
  })
})

describe('a run planted inside a real token does not make it a placeholder', () => {
  const RUNS = ['1234', 'AAAA', 'abcd']

  /** Characters a format's alphabet lacks (bech32 has no 1 b i o; base32 no 0 1 8 9). */
  const HOLES: Record<string, string> = {
    'secret/age-secret-key': '1BIO',
    'secret/aws-access-key-id': '0189',
    'secret/azure-devops-legacy-pat': '0189',
    'secret/newrelic-license-key': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  }

  /**
   * The sample with `run` written over its random body at `f` (0..1) of it, or undefined when
   * the body's alphabet has no room for it or the run would cover a keyword (OpenAI's marker).
   * The body is the last long alphanumeric run that is not words (a prefix, ids and a host
   * come before it, `EndpointSuffix` after); a body with a long run already (six or more) is
   * such a sample itself and is left alone. A base64 blob of a PEM key (a kubeconfig's client-key-data) is
   * planted inside the key and encoded again.
   */
  function plant(
    sample: string,
    run: string,
    f: number,
    d: (typeof DETECTORS)[number],
  ): string | undefined {
    const blob = [...sample.matchAll(/[A-Za-z0-9+/]{40,}={0,2}/g)].find((m) =>
      Buffer.from(m[0], 'base64').toString('latin1').includes('PRIVATE KEY-----'),
    )
    if (blob) {
      const inner = plant(Buffer.from(blob[0], 'base64').toString('latin1'), run, f, d)
      if (inner === undefined) return undefined
      return sample.replace(blob[0], Buffer.from(inner, 'latin1').toString('base64'))
    }
    const body = [...sample.matchAll(/[A-Za-z0-9]{10,}/g)]
      .filter((m) => !/^(?:[A-Z]?[a-z]+)+$/.test(m[0]))
      .at(-1)
    if (!body || /(.)\1{5}|012345|123456|234567|345678|456789|abcdef|ABCDEF/.test(body[0]))
      return undefined
    // A body inside base64 of JSON (a 1Password or Grafana token) is planted inside the JSON.
    const json = [...sample.matchAll(/eyJ[A-Za-z0-9+/]{20,}={0,2}/g)].find(
      (m) => m.index <= body.index && body.index + body[0].length <= m.index + m[0].length,
    )
    if (json) {
      const inner = plant(Buffer.from(json[0], 'base64').toString('latin1'), run, f, d)
      if (inner === undefined) return undefined
      const again = Buffer.from(inner, 'latin1').toString('base64')
      return sample.replace(json[0], json[0].endsWith('=') ? again : again.replace(/=+$/, ''))
    }
    const holes = HOLES[d.id] ?? ''
    const kinds = [/[0-9]/, /[A-Z]/, /[a-z]/]
    const fits = (c: string) =>
      !holes.includes(c) && kinds.some((k) => k.test(c) && k.test(body[0].slice(2)))
    if (![...run].every(fits)) return undefined
    const at = body.index + Math.floor((body[0].length - run.length) * f)
    // A run that erases the body's only digits (or letters of a case) makes it another kind of value.
    const left =
      sample.slice(body.index, at) +
      run +
      sample.slice(at + run.length, body.index + body[0].length)
    if (kinds.some((k) => k.test(body[0]) && !k.test(left))) return undefined
    const lower = sample.toLowerCase()
    for (const kw of d.keywords ?? [])
      for (
        let i = lower.indexOf(kw.toLowerCase());
        i >= 0;
        i = lower.indexOf(kw.toLowerCase(), i + 1)
      )
        if (i < at + run.length && at < i + kw.length) return undefined
    return sample.slice(0, at) + run + sample.slice(at + run.length)
  }

  const cases = DETECTORS.flatMap((d) =>
    d.samples
      .match()
      .flatMap((sample, i) =>
        RUNS.flatMap((run) =>
          [0.4, 0.6, 0.85].map((f) => [d.id as string, i, run, f, plant(sample, run, f, d)]),
        ),
      ),
  ).filter((c): c is [string, number, string, number, string] => c[4] !== undefined)

  test('every detector has planted samples', () => {
    const swept = new Set(cases.map((c) => c[0]))
    expect(DETECTORS.filter((d) => !swept.has(d.id)).map((d) => d.id)).toEqual([])
  })

  test.each(cases)(
    '%s sample %d with %s at %d of its body: still found',
    (id, _, __, ___, text) => {
      const got = scan(text).map((f) =>
        // a checksummed token changed anywhere fails its checksum: found, only unverified
        f.rule === 'secret/unverified' && f.message.endsWith('(its checksum does not match)')
          ? id
          : f.rule,
      )
      expect(got).toEqual([id])
    },
  )
})

describe('format examples are not errors', () => {
  // dotenv's message (lib/main.js, 16.x and 17.x), bundled into many packages
  const vault = (key: string, env: string) =>
    `dotenv://:${key}@dotenvx.com/vault/.env.vault?environment=${env}`
  const dotenv = [
    `throw new Error('INVALID_DOTENV_KEY: Wrong format. Must be in valid uri format like ${vault('key_' + '1234', 'development')}')`,
    `  // example: DOTENV_KEY="${vault('key_' + '1234', 'prod')},${vault('key_' + '7890', 'prod')}"`,
    `var e=new Error("INVALID_DOTENV_KEY: Wrong format. Must be in valid uri format like ${vault('key_' + '1234', 'development')}");`,
  ]
  test.each(dotenv)('dotenv-vault: %s', (line) => {
    expect(found(line)).toEqual([])
  })

  test('the same URL shapes with a random key are real (counting runs made the example)', () => {
    const key = fake(24, ALNUM, 'vault-1')
    expect(found(`DOTENV_KEY="${vault(key, 'production')}"`)).toEqual([
      ['secret/url-credentials', null, 'password in a URL in dist/app.js'],
    ])
  })

  // A token without a checksum: a cue can make it an example (a checksummed one, below, cannot).
  const sg = () => ['SG', fake(22, B64URL, 'cue-1'), fake(43, B64URL, 'cue-2')].join('.')
  const gh = () => checksummed('gh' + 'p_', 'cue-1')
  test.each([
    ['like', (t: string) => `Tokens look like ${t} and last a year.`],
    ['e.g.', (t: string) => `// a classic token, e.g. ${t}`],
    ['for example', (t: string) => `Set GITHUB_TOKEN, for example GITHUB_TOKEN=${t}`],
    ['for instance', (t: string) => `a token, for instance "${t}"`],
    ['such as', (t: string) => `a token such as '${t}'`],
    ['example:', (t: string) => `# example: token = "${t}"`],
    ['an OpenAPI example', (t: string) => `{"type":"string","example":"${t}"}`],
    ['format', (t: string) => `Wrong format: expected ${t}`],
  ])('after %j, a random token is only unverified', (_, line) => {
    expect(found(line(sg()))).toEqual([
      [
        'secret/unverified',
        null,
        'possible SendGrid API key in dist/app.js (presented as an example of its format)',
      ],
    ])
  })

  test('a token whose checksum the provider computed is never just an example', () => {
    expect(found(`// a classic token, e.g. ${gh()}`)).toEqual([
      ['secret/github-token', null, 'GitHub personal access token (classic) in dist/app.js'],
    ])
  })

  test.each([
    [
      'a cue on the line before',
      (t: string) => `// for example:
const token = "${t}"`,
    ],
    ['a cue in an earlier sentence', (t: string) => `Tokens look like this. Ours is ${t}`],
    ['a cue in an earlier statement', (t: string) => `log("e.g. x"); const t = "${t}"`],
    ['a cue far before', (t: string) => `such as ${'x'.repeat(130)} = "${t}"`],
    ['a call', (t: string) => `const s = format(base, "${t}")`],
    ['a member', (t: string) => `if (a.like) t = "${t}"`],
    ['an object key', (t: string) => `{format: "pem", token: "${t}"}`],
    ['a quoted key', (t: string) => `{"format":"json","token":"${t}"}`],
    ['a longer word', (t: string) => `const likely = "${t}"`],
  ])('%s does not make an example: still an error', (_, line) => {
    expect(found(line(gh()))).toEqual([
      ['secret/github-token', null, 'GitHub personal access token (classic) in dist/app.js'],
    ])
  })
})

describe('OpenSSH private keys are found by their content', () => {
  const hasKeygen = sshKeygen('ed25519') !== undefined

  test.each([
    ['ed25519', ''],
    ['rsa', ''],
    ['ed25519', 'passphrase-2'],
  ] as const)('ssh-keygen -t %s (passphrase: %j)', (type, passphrase) => {
    const key = sshKeygen(type, passphrase) ?? opensshKey(type, passphrase)
    const label = passphrase ? 'encrypted OpenSSH private key' : 'OpenSSH private key'
    expect(found(key, 'deploy/id_' + type)).toEqual([
      ['secret/private-key', null, `${label} in deploy/id_${type}`],
    ])
  })

  test('the format written without ssh-keygen is one ssh-keygen reads', () => {
    if (!hasKeygen) return
    const dir = mkdtempSync(join(tmpdir(), 'packguard-ssh-test-'))
    try {
      for (const type of ['ed25519', 'rsa'] as const) {
        const file = join(dir, `id_${type}`)
        writeFileSync(file, opensshKey(type), { mode: 0o600 })
        const pub = execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'latin1' })
        expect(pub).toMatch(type === 'rsa' ? /^ssh-rsa AAAA/ : /^ssh-ed25519 AAAA/)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('a private key string in documentation or test code is a warning; a key file an error', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString()
  const inCode = `const key = ${JSON.stringify(rsa)}\n`
  const why = (where: string) =>
    `a key string in ${where}: a warning, as such keys are most often examples or test keys (a key file is an error wherever it is)`

  test.each([
    ['README.md', `## TLS\n\nFor example:\n\n\`\`\`\n${rsa}\`\`\`\n`, 'documentation'],
    ['docs/guide/tls.html', `<pre>${rsa}</pre>`, 'documentation'],
    ['CHANGES.rst', `Key used::\n\n${rsa}\nDone.`, 'documentation'],
    ['test/tls.js', inCode, 'test code'],
    ['src/__tests__/server.ts', inCode, 'test code'],
    ['packages/a/spec/keys.js', inCode, 'test code'],
    ['lib/fixtures/keys.json', JSON.stringify({ key: rsa }), 'test code'],
    [
      '__fixtures__/ssh.js',
      `export default ${JSON.stringify(sshPrivateKey('ed25519'))}`,
      'test code',
    ],
    ['lib/server.spec.js', inCode, 'test code'],
  ])('%s: warning', (file, text, where) => {
    const label = text.includes('OPENSSH') ? 'OpenSSH private key' : 'RSA private key'
    expect(found(text, file)).toEqual([
      ['secret/private-key', 'warning', `${label} in ${file} (${why(where)})`],
    ])
  })

  test('a key on a doc-comment line is a warning; in a // comment it stays an error', () => {
    const lines = rsa.trim().split('\n').join('\\n')
    const jsdoc = `/**\n * @example\n *   createCert({\n *     key: '${lines}\\n',\n *   })\n */\n`
    expect(found(jsdoc, 'dist/cli.js')).toEqual([
      ['secret/private-key', 'warning', `RSA private key in dist/cli.js (${why('a doc comment')})`],
    ])
    const commented = `// const key = '${lines}\\n'\n`
    expect(found(commented, 'dist/cli.js').map(([rule, severity]) => [rule, severity])).toEqual([
      ['secret/private-key', null],
    ])
  })

  test.each([
    ['test/fixtures/server.pem', rsa],
    ['test/fixtures/server.key', rsa],
    ['docs/deploy_key.pem', rsa],
    ['tests/ssh/id_ed25519', sshPrivateKey('ed25519')],
    ['test/keys/id_rsa', sshPrivateKey('rsa')],
    ['spec/fixtures/signing', `\n${rsa}\n`], // no telling name, but nothing but the key
    ['dist/index.js', inCode],
    ['lib/tls.js', inCode],
    ['contest/tls.js', inCode], // a folder that only ends like one
  ])('%s: error', (file, text) => {
    expect(found(text, file).map(([rule, severity]) => [rule, severity])).toEqual([
      ['secret/private-key', null],
    ])
  })

  test('recommended makes it a warning, strict an error', async () => {
    const pkg = npmTgz({ 'package.json': '{"name":"p","version":"1.0.0"}', 'test/tls.js': inCode })
    const severities = async (yaml?: string) =>
      (await checkBytes('p.tgz', pkg, yaml)).findings
        .filter((f) => f.rule.startsWith('secret/'))
        .map((f) => [f.rule, f.severity])
    expect(await severities()).toEqual([['secret/private-key', 'warning']])
    expect(await severities('extends: strict\n')).toEqual([['secret/private-key', 'error']])
  })
})

describe('a value near a keyword is bound to it by its name or its place', () => {
  const V = 'VALUE'
  const at = (text: string) => text.indexOf(V)
  test.each([
    ['AWS_SECRET_ACCESS_KEY=VALUE', 'awssecretaccesskey'],
    ['export aws_secret = "VALUE"', 'awssecret'],
    ['{"secretKey": "VALUE"}', 'secretkey'],
    ['{\\"secretKey\\": \\"VALUE\\"}', 'secretkey'],
    ['creds.secret = `VALUE`', 'secret'],
    ["'api-secret' => 'VALUE'", 'apisecret'],
    ['token := VALUE', 'token'],
    ['apiSecret:\tVALUE', 'apisecret'],
    ['"x\\nTWILIO_AUTH_TOKEN=VALUE"', 'twilioauthtoken'],
  ])('%s is named %s', (text, name) => {
    expect(nameOf(text, at(text))).toBe(name)
  })

  test.each(['secret == "VALUE"', 'f(secret, "VALUE")', 'key-VALUE', '= "VALUE"', 'VALUE'])(
    '%s has no name',
    (text) => {
      expect(nameOf(text, at(text))).toBeUndefined()
    },
  )

  test('the next item after an item of a shape', () => {
    const afterId = nextAfter('ID[0-9]{4}', 6)
    for (const text of [
      '["ID1234", "VALUE"]',
      'ID1234,VALUE',
      'ID1234:VALUE',
      "f('ID1234',\t'VALUE')",
    ])
      expect([text, afterId(text, at(text))]).toEqual([text, true])
    for (const text of [
      'ID1234 = VALUE',
      '["ID1234", x, "VALUE"]',
      'ID12345,VALUE',
      'ID1234, other: VALUE',
    ])
      expect([text, afterId(text, at(text))]).toEqual([text, false])
  })
})

describe('a password in a URL inside documentation is a warning', () => {
  const url = `redis://alice:${fake(12, ALNUM, 'doc-url')}@cache.acme.io:6380`
  test.each([
    ['README.md', 'documentation', 'warning'],
    ['docs/setup.html', 'documentation', 'warning'],
    ['dist/index.js', undefined, null],
    ['test/redis.js', undefined, null],
  ])('%s', (file, where, severity) => {
    const [f] = scan(`const client = createClient({ url: "${url}" })`, file)
    expect([f.rule, f.severity ?? null]).toEqual(['secret/database-url', severity])
    if (where) expect(f.because).toMatch(/^a URL in documentation/)
  })
})
