import { describe, expect, test } from '@jest/globals'
import { parseConfig } from '../src/config/parse.js'
import { ConfigError } from '../src/errors.js'
import { checkBytes } from './helpers/check.js'
import { npmTgz } from './helpers/tar.js'

const pkg = npmTgz({
  'dist/cli.js':
    'const a = 1\n// Nightingale model\nconst host = "build-7.corp.internal"\nnightingale()\n',
  'README.md': 'The nightingales sing. DO NOT SHIP',
  'bin/x': Buffer.from([0, 1, 2, 0x4e, 0x69, 0x67, 0x68, 0x74]),
})

describe('content rules', () => {
  test('strings are word-bounded and case-insensitive by default; one finding per file with count and line', async () => {
    const r = await checkBytes(
      'p.tgz',
      pkg,
      'content:\n  - name: codename\n    strings: [Nightingale]\n',
    )
    expect(r.findings.map((f) => [f.rule, f.file, f.line, f.column, f.message])).toEqual([
      [
        'content/codename',
        'dist/cli.js',
        2,
        4,
        "dist/cli.js: matches content rule 'codename' (2 times; first at line 2)",
      ],
    ])
  })

  test('RE2 patterns, file scopes, severities and messages', async () => {
    const yaml = `content:
  - name: internal-hosts
    pattern: '[a-z0-9-]+\\.corp\\.internal'
    files: ['dist/**']
    severity: warning
    message: internal hostname
  - name: do-not-ship
    pattern: 'DO NOT SHIP'
    files: ['*.md']
`
    const r = await checkBytes('p.tgz', pkg, yaml)
    expect(r.findings.map((f) => [f.rule, f.severity, f.file, f.message])).toEqual([
      [
        'content/do-not-ship',
        'error',
        'README.md',
        "README.md: matches content rule 'do-not-ship' (once; first at line 1)",
      ],
      [
        'content/internal-hosts',
        'warning',
        'dist/cli.js',
        'dist/cli.js: internal hostname (once; first at line 3)',
      ],
    ])
  })

  test('rules: and ignore: accept declared content ids', async () => {
    const yaml =
      'content:\n  - name: codename\n    strings: [nightingale]\nrules:\n  content/codename: notice\n'
    expect((await checkBytes('p.tgz', pkg, yaml)).findings[0].severity).toBe('notice')
    const ig =
      'content:\n  - name: codename\n    strings: [nightingale]\nignore:\n  - rule: content/*\n    reason: ok\n'
    expect((await checkBytes('p.tgz', pkg, ig)).suppressed).toHaveLength(1)
  })

  test('a user pattern runs in linear time: a catastrophic regex for V8 finishes', async () => {
    const evil = npmTgz({ 'a.txt': `${'a'.repeat(50_000)}!` })
    const r = await checkBytes('p.tgz', evil, "content:\n  - name: evil\n    pattern: '(a+)+$'\n")
    expect(r.findings).toEqual([])
  })

  test.each([
    [
      "content:\n  - name: bad\n    pattern: '(unclosed'\n",
      /content\[0\].pattern \(bad\): invalid RE2 pattern/,
    ],
    [
      "content:\n  - name: bad\n    pattern: '(?=lookahead)'\n",
      /content\[0\].pattern \(bad\): invalid RE2 pattern/,
    ],
    ["content:\n  - name: empty\n    pattern: 'x*'\n", /matches empty text/],
    ['content:\n  - name: Bad Name\n    strings: [x]\n', /must be lowercase letters/],
    [
      'content:\n  - name: both\n    strings: [x]\n    pattern: x\n',
      /exactly one of pattern or strings/,
    ],
    ['content:\n  - name: f\n    strings: [x]\n    flags: g\n', /unknown flag 'g'/],
    ['rules:\n  content/undeclared: off\n', /rules.content\/undeclared: unknown rule id/],
  ])('bad content rules are config errors naming the rule: %#', (yaml, message) => {
    expect(() => parseConfig(yaml, 'c.yml')).toThrow(ConfigError)
    expect(() => parseConfig(yaml, 'c.yml')).toThrow(message)
  })
})
