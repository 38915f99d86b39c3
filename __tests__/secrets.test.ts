import { describe, expect, test } from '@jest/globals'
import { secretRules } from '../src/rules/secrets/index.js'
import { scanBytes, scanSecrets, secretScan } from '../src/rules/secrets/scan.js'
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { createScanner, UNVERIFIED } from '../src/rules/secrets/engine/scanner.js'
import { localScanning } from '../src/rules/secrets/engine/service.js'
import { ALNUM, B64, checksummed, fake } from '../src/rules/secrets/kit/samples.js'
import { token } from '../src/rules/secrets/detectors/jwt.js'
import type { RawFinding } from '../src/findings.js'
import type { Entry } from '../src/sources/types.js'
import { checkBytes } from './helpers/check.js'
import { BUNDLE, PACKAGE_JSON, README } from './helpers/secrets-samples.js'
import { npmTgz } from './helpers/tar.js'

const FILE = 'dist/app.js'
const GENERIC = 'secret/generic-credential'

function scan(text: string, file = FILE): RawFinding[] {
  const out: RawFinding[] = []
  scanSecrets(text, file, (f) => out.push(f))
  return out
}
const rules = (text: string) => scan(text).map((f) => f.rule)

/** Long token-like runs of a sample: none of them may appear in what is reported. */
const runs = (sample: string) => sample.match(/[A-Za-z0-9+/_=-]{12,}/g) ?? []

describe('the detector set', () => {
  test('has at least 30 unique secret/* ids, each with samples', () => {
    const ids = DETECTORS.map((d) => d.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThanOrEqual(30)
    for (const d of DETECTORS) {
      expect(d.id).toMatch(/^secret\/[a-z0-9-]+$/)
      expect(d.keywords?.length || d.near?.keywords.length).toBeGreaterThan(0)
      expect(d.samples.match().length).toBeGreaterThan(0)
      expect(d.samples.noMatch().length).toBeGreaterThan(0)
    }
    expect(secretRules.rules.map((r) => r.id)).toEqual([...ids, UNVERIFIED])
    expect(secretRules.rules.every((r) => r.category === 'leak')).toBe(true)
    expect(secretRules.rules.find((r) => r.id === UNVERIFIED)?.severity).toBe('notice')
  })

  test('where a keyword is a prefix of another, the longer is tried first', () => {
    const seen: string[] = []
    const d = (id: string, kw: string) => ({
      ...DETECTORS[0],
      id: `secret/${id}`,
      keywords: [kw],
      guards: undefined,
      find: () => void seen.push(id),
    })
    createScanner([d('short', 'ghp'), d('long', 'ghp_')]).scan('ghp_ ghpx', FILE, () => {})
    expect(seen).toEqual(['long', 'short'])
  })
})

/** A sample with its longest token-like run cut to 70%: the shape starts, then stops short. */
function nearMiss(s: string): string {
  const runs = [...s.matchAll(/[A-Za-z0-9+/=_-]{8,}/g)].sort((a, b) => b[0].length - a[0].length)
  const r = runs[0]
  return r ? s.slice(0, r.index + Math.floor(r[0].length * 0.7)) + ' ' : s
}

describe.each(DETECTORS.map((d) => [d.id, d] as const))('%s', (id, d) => {
  test('finds each must-match sample, alone and inside code, redacted', () => {
    for (const sample of d.samples.match()) {
      for (const text of [
        sample,
        `const a = 1;\nmodule.exports = { value: ${JSON.stringify(sample)} }\n`,
      ]) {
        const found = scan(text)
        expect({ sample, rules: found.map((f) => f.rule) }).toEqual({ sample, rules: [id] })
        const json = JSON.stringify(found)
        for (const run of runs(sample))
          expect({ run, json }).toEqual({ run, json: expect.not.stringContaining(run) })
        expect(found[0].evidence).toMatch(/^.{0,4}… \(\d+ chars, sha256:[0-9a-f]{12}\)$/)
        expect(found[0].key).toMatch(/^sha256:[0-9a-f]{12}$/)
        expect(found[0].message).toMatch(new RegExp(` in ${FILE}$`))
      }
    }
  })

  test('is silent on each must-not-match sample', () => {
    // Another provider's key under a credential name (`MAILGUN_API_KEY=key-…` beside a Twilio
    // SID) is not this detector's, but it is a credential: the generic detector may say so.
    const others = (f: RawFinding) => id === GENERIC || f.rule !== GENERIC
    for (const sample of d.samples.noMatch())
      expect({ sample, found: scan(sample).filter(others) }).toEqual({ sample, found: [] })
  })

  test('reports each doubtful sample as secret/unverified only', () => {
    for (const sample of d.samples.unverified?.() ?? []) {
      const found = scan(sample)
      expect({ sample, rules: found.map((f) => f.rule) }).toEqual({ sample, rules: [UNVERIFIED] })
      expect(found[0].message).toMatch(/^possible .+ in dist\/app\.js \(.+\)$/)
    }
  })

  test('scans 1 MB of near-matches in well under a second', () => {
    const MB = 1 << 20
    const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB)
    const inputs: string[] = []
    // every keyword repeated; the first one (in both cases) followed by long token-like runs
    const keywords = [...(d.keywords ?? []), ...(d.near?.keywords ?? [])]
    keywords.forEach((kw, i) => {
      for (const k of [kw, kw.toUpperCase()]) {
        inputs.push(fill(k))
        if (i > 0) continue
        inputs.push(
          k + fill('A'),
          k + fill('a1B2'),
          fill(k + 'a1B2c3D4e5F6g7H8i9J0'),
          fill(k + fake(60, B64, 'adv') + '.'),
          fill(k + '0123456789'),
          fill(`${k}-${k}_${k}.`),
        )
      }
    })
    // each sample cut short: the keyword and most of the shape, not its end
    inputs.push(...d.samples.match().map((s) => fill(nearMiss(s))))
    for (const input of inputs) {
      const t0 = performance.now()
      scan(input)
      expect(performance.now() - t0).toBeLessThan(1000)
    }
  })
})

describe('adversarial shapes shared by several detectors', () => {
  const MB = 1 << 20
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB)
  test.each([
    ['URLs without @', fill('a://b:c')],
    ['user:password runs', 'postgres://' + fill('u:p')],
    ['JWT-like segments', fill('eyJa.')],
    ['JWT without end', 'eyJ' + fill('A') + '.eyJ' + fill('B')],
    ['PEM headers without footer', fill('-----BEGIN RSA PRIVATE KEY-----\n')],
    [
      'PEM headers with one far footer',
      fill('-----BEGIN PRIVATE KEY-----\nMIIE\n') + '-----END PRIVATE KEY-----',
    ],
    [
      'PuTTY headers',
      fill('PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\n') + 'Private-MAC: ' + 'a'.repeat(40),
    ],
    ['base64 near key ids', fill('AKIA' + 'A'.repeat(16) + ' ' + fake(39, B64, 'x') + ' ')],
    ['words next to twilio and discord', fill('twilio discord ' + fake(32, ALNUM, 'y') + ' ')],
    ['telegram-like', fill('1234567890:AA')],
    ['a binary-looking text', fill('\0\x01ghp_\0')],
  ])('%s', (_, input) => {
    const t0 = performance.now()
    scan(input)
    expect(performance.now() - t0).toBeLessThan(1000)
  })
})

describe('reporting', () => {
  const gh = () => checksummed('gh' + 'p_', 'report-1')

  test('line and column are 1-based byte positions of the secret', () => {
    const text = `// header\r\nconst x = 1\n  const t = "${gh()}"\nconst y = "${gh()}x"\n`
    const found = scan(text)
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([['secret/github-token', 3, 14]])
    const two = scan(`${gh()}\n\n\tkey: "${checksummed('np' + 'm_', 'report-2')}"`)
    expect(two.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['secret/github-token', 1, 1],
      ['secret/npm-token', 3, 8],
    ])
  })

  test('columns count bytes: latin1 text of a UTF-8 file', () => {
    const bytes = Buffer.from(`const café = "${gh()}"`, 'utf8')
    const found: RawFinding[] = []
    scanBytes(bytes, FILE, (f) => found.push(f))
    expect(found[0].column).toBe(16)
  })

  test('the raw value appears nowhere in the findings; evidence is prefix, length and salted hash', () => {
    const value = gh()
    const found = scan(`x = "${value}"`)
    expect(found).toEqual([
      {
        rule: 'secret/github-token',
        file: FILE,
        line: 1,
        column: 6,
        message: `GitHub personal access token (classic) in ${FILE}`,
        evidence: expect.stringMatching(/^ghp_… \(40 chars, sha256:[0-9a-f]{12}\)$/),
        key: expect.stringMatching(/^sha256:[0-9a-f]{12}$/),
      },
    ])
    const json = JSON.stringify(found)
    expect(json).not.toContain(value)
    expect(json).not.toContain(value.slice(4, 20))
    // stable across runs and files, different per value
    expect(scan(value, 'other.js')[0].key).toBe(found[0].key)
    expect(scan(checksummed('gh' + 'p_', 'report-3'))[0].key).not.toBe(found[0].key)
  })

  test('a token inside a URL is reported once, as the token', () => {
    expect(rules(`https://ci:${gh()}@github.com/o/r.git`)).toEqual(['secret/github-token'])
  })

  test('a key id and its secret key are both reported', () => {
    const id = 'AK' + 'IA' + fake(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 'pair-1')
    expect(
      rules(
        `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${fake(40, B64, 'pair-2')}\n`,
      ),
    ).toEqual(['secret/aws-access-key-id', 'secret/aws-secret-access-key'])
  })

  test('a service-account file is one finding, not also a private key', () => {
    const [file] = DETECTORS.find((d) => d.id === 'secret/google-service-account')!.samples.match()
    expect(rules(file)).toEqual(['secret/google-service-account'])
  })
})

describe('binary files', () => {
  const value = checksummed('gh' + 'p_', 'bin-1')

  test('a secret in a printable run between NUL bytes is found at its file offset', () => {
    const bytes = Buffer.concat([
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]),
      Buffer.from('\nlong label\n'),
      Buffer.alloc(100),
      Buffer.from(`TOKEN=${value}`),
      Buffer.from([0, 0xff, 0xfe, 0]),
    ])
    const found: RawFinding[] = []
    scanBytes(bytes, 'bin/tool.node', (f) => found.push(f))
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([['secret/github-token', 3, 107]])
  })

  test('a secret broken by a NUL byte is not glued back together; short runs are ignored', () => {
    const bytes = Buffer.concat([
      Buffer.alloc(4),
      Buffer.from(value.slice(0, 20)),
      Buffer.alloc(1),
      Buffer.from(value.slice(20)),
    ])
    const found: RawFinding[] = []
    scanBytes(bytes, 'bin/tool.node', (f) => found.push(f))
    expect(found).toEqual([])
  })

  test('the rule family scans files, skips source maps and entries without content', () => {
    const found: RawFinding[] = []
    const report = (f: RawFinding) => found.push(f)
    const visitor = secretRules.create({
      artifact: 'a.tgz',
      config: {} as never,
      report,
      secrets: localScanning(secretScan, report),
    })
    const entry = (path: string, content?: Buffer): Entry => ({
      path,
      rawPath: path,
      type: 'file',
      mode: 0o644,
      size: content?.length ?? 0,
      content,
    })
    visitor.entry!(entry('dist/index.js', Buffer.from(`module.exports="${value}"`)))
    visitor.entry!(entry('dist/index.js.map', Buffer.from(`{"sourcesContent":["${value}"]}`)))
    visitor.entry!(entry('dist/big.js'))
    visitor.entry!({ ...entry('dist/dir'), type: 'directory' })
    visitor.entry!(
      entry('bin/tool', Buffer.concat([Buffer.alloc(16), Buffer.from(value), Buffer.alloc(16)])),
    )
    expect(found.map((f) => [f.rule, f.file])).toEqual([
      ['secret/github-token', 'dist/index.js'],
      ['secret/github-token', 'bin/tool'],
    ])
  })
})

describe('precision', () => {
  test('documented example values are silent', () => {
    const jwtIo = token(
      { alg: 'HS256', typ: 'JWT' },
      { sub: '1234567890', name: 'John Doe', iat: 1516239022 },
      '',
      0,
      ['SflKxwRJSMeKKF2QT4fwpMeJf36POk6y', 'JV_adQssw5c'].join(''),
    )
    const text = [
      `aws_access_key_id = ${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}`,
      `aws_secret_access_key = ${['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/')}`,
      `Authorization: Bearer ${jwtIo}`,
      `AccountKey=${['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq', 'K1SZFPTOtr', 'KBHBeksoGMGw=='].join('/')}`,
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    ].join('\n')
    expect(scan(text)).toEqual([])
  })

  test('placeholders after every prefix are silent', () => {
    const prefixes = [
      'ghp_',
      'gho_',
      'npm_',
      'sk_live_',
      'rk_live_',
      'xoxb-',
      'xapp-',
      'glpat-',
      'hf_',
      'AIza',
      'GOCSPX-',
      'dckr_pat_',
      'shpat_',
      'dop_v1_',
      'whsec_',
      'AKIA',
      'PMAK-',
      'sk-ant-api03-',
      'github_pat_',
    ]
    const bodies = [
      'x'.repeat(40),
      'X'.repeat(40),
      '<your-token>',
      '${TOKEN}',
      '{{token}}',
      'your_api_key_here',
      'YOUR_API_KEY_HERE_0000000000000000000000',
      'abcdefghijklmnopqrstuvwxyz0123456789ABCD',
      '1234567890123456789012345678901234567890',
      '0'.repeat(40),
      'abcabcabcabcabcabcabcabcabcabcabcabcabca',
      '...',
      '',
    ]
    const text = prefixes.flatMap((p) => bodies.map((b) => `key = "${p}${b}"`)).join('\n')
    expect(scan(text)).toEqual([])
    expect(scan('token: process.env.GITHUB_TOKEN, password: process.env.DB_PASSWORD')).toEqual([])
  })

  test('code that only mentions a format is silent', () => {
    const text = [
      'const PREFIX = "sk_live_"',
      'const re = /ghp_[A-Za-z0-9]{36}/',
      'const isToken = (s) => /^(gh[pousr]_|github_pat_|glpat-|xox[bpars]-|npm_)/.test(s)',
      'const header = "-----BEGIN RSA PRIVATE KEY-----"',
      '"-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA...\\n-----END RSA PRIVATE KEY-----"',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----',
    ].join('\n')
    expect(scan(text)).toEqual([])
  })

  test.each([
    ['README', README],
    ['package.json', PACKAGE_JSON],
    ['minified bundle', BUNDLE],
  ])('a typical %s is silent', (_, text) => {
    expect(scan(text)).toEqual([])
  })
})

describe('in a checked artifact', () => {
  test('findings carry severity and fingerprint; the report never holds the value', async () => {
    const gh = checksummed('gh' + 'p_', 'e2e-1')
    const key = 'AI' + 'za' + fake(35, ALNUM, 'e2e-2')
    const pkg = npmTgz({
      'package.json': PACKAGE_JSON,
      'README.md': README,
      'dist/index.js': `${BUNDLE}\nconst t="${gh}",k="${key}";\n`,
    })
    const r = await checkBytes('p.tgz', pkg)
    const secrets = r.findings.filter((f) => f.rule.startsWith('secret/'))
    expect(secrets.map((f) => [f.rule, f.severity, f.file, f.line])).toEqual([
      ['secret/github-token', 'error', 'dist/index.js', 16],
      ['secret/google-api-key', 'warning', 'dist/index.js', 16],
    ])
    expect(secrets.every((f) => /^[0-9a-f]{16}$/.test(f.fingerprint))).toBe(true)
    expect(r.result).toBe('fail')
    const json = JSON.stringify(r)
    expect(json).not.toContain(gh)
    expect(json).not.toContain(key)
  })

  test('secret/unverified is a notice and can be turned off like any rule', async () => {
    const pkg = npmTgz({ 'index.js': `x="${'ghp_' + fake(36, ALNUM, 'e2e-3')}"` })
    const r = await checkBytes('p.tgz', pkg)
    expect(
      r.findings.filter((f) => f.rule.startsWith('secret/')).map((f) => [f.rule, f.severity]),
    ).toEqual([[UNVERIFIED, 'notice']])
    const off = await checkBytes('p.tgz', pkg, 'rules:\n  secret/unverified: off\n')
    expect(off.findings.filter((f) => f.rule.startsWith('secret/'))).toEqual([])
  })
})
