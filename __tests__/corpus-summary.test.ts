import { describe, expect, test } from '@jest/globals'
import {
  compare,
  formatComparison,
  formatSummary,
  ruleTable,
  summarize,
  summarizeArtifact,
  truncate,
} from '../scripts/corpus/summary.mjs'

/** A fabricated `packguard check --format json` report holding these findings. */
function report(findings: { rule: string; severity: string; file?: string; message?: string }[]) {
  return {
    schemaVersion: 1,
    result: findings.some((f) => f.severity === 'error') ? 'fail' : 'pass',
    artifacts: [{ path: 'x.tgz', format: 'tar+gzip', files: 3, bytes: 100 }],
    findings: findings.map((f) => ({
      category: 'leak',
      file: 'a.js',
      message: `${f.rule} in ${f.file ?? 'a.js'}`,
      evidence: 'ghp_… (40 chars, sha256:1a2b3c4d5e6f)',
      ...f,
    })),
  }
}

const map = { rule: 'sourcemap/sources-content', severity: 'error', file: 'dist/a.js.map' }
const key = { rule: 'secret/private-key', severity: 'error', file: 'test/key.pem' }
const tests = { rule: 'file/test-folder', severity: 'notice', file: 'test/' }

const artifact = (name: string, exit: number, findings: Parameters<typeof report>[0]) =>
  summarizeArtifact({ name, kind: 'npm', group: 'everyday', exit, report: report(findings) })

describe('one artifact', () => {
  test('counts findings by severity and rule and keeps the first error, without evidence', () => {
    const a = artifact('lib@1.0.0', 1, [tests, map, map, key])
    expect(a.counts).toEqual({
      error: { 'sourcemap/sources-content': 2, 'secret/private-key': 1 },
      warning: {},
      notice: { 'file/test-folder': 1 },
    })
    expect(a.firstError).toEqual({
      rule: 'sourcemap/sources-content',
      file: 'dist/a.js.map',
      message: 'sourcemap/sources-content in dist/a.js.map',
    })
    expect(JSON.stringify(a)).not.toContain('sha256')
  })

  test('an unreadable artifact keeps the reason from the report', () => {
    const a = summarizeArtifact({
      name: 'broken@1.0.0',
      kind: 'npm',
      exit: 3,
      report: {
        artifacts: [{ path: 'b.tgz', error: 'unexpected end of gzip data' }],
        findings: [],
      },
    })
    expect(a.problem).toBe('unexpected end of gzip data')
    expect(a.group).toBe('npm')
  })

  test('a run with no report keeps the last line of stderr', () => {
    const a = summarizeArtifact({ name: 'x', kind: 'jar', exit: null, stderr: 'a\nkilled\n' })
    expect(a.problem).toBe('killed')
  })
})

describe('the summary', () => {
  const summary = summarize(
    [
      artifact('zeta@2.0.0', 1, [key]),
      artifact('alpha@1.0.0', 1, [map, map, map, key]),
      artifact('clean@1.0.0', 0, [tests]),
      summarizeArtifact({ name: 'java:b.jar', kind: 'jar', exit: 3, report: undefined }),
    ],
    [{ name: 'gone@1.0.0', message: 'npm error 404 Not Found' }],
    '2026-01-01T00:00:00.000Z',
  )

  test('rule table: artifacts with the rule, then error findings', () => {
    expect(ruleTable(summary.artifacts)).toEqual([
      { rule: 'secret/private-key', artifacts: 2, findings: 2 },
      { rule: 'sourcemap/sources-content', artifacts: 1, findings: 3 },
    ])
  })

  test('printed', () => {
    expect(formatSummary(summary)).toEqual([
      'checked 4 artifacts: 2 fail (exit 1), 1 unreadable (exit 3), 1 pass',
      'by group: everyday 2/3, jar 0/1',
      '',
      'rule                       artifacts  errors',
      'secret/private-key                 2       2',
      'sourcemap/sources-content          1       3',
      '',
      'failing:',
      '  alpha@1.0.0: secret/private-key x1, sourcemap/sources-content x3 | sourcemap/sources-content in dist/a.js.map',
      '  zeta@2.0.0: secret/private-key x1 | secret/private-key in test/key.pem',
      '',
      'unreadable or not run:',
      '  java:b.jar (exit 3): exit 3',
      '',
      'could not fetch:',
      '  gone@1.0.0: npm error 404 Not Found',
    ])
  })

  test('a message that does not name its file is prefixed with it, and long ones are cut', () => {
    const a = summarizeArtifact({
      name: 'long@1.0.0',
      kind: 'npm',
      exit: 1,
      report: report([{ ...map, message: 'x'.repeat(300) }]),
    })
    const line = formatSummary(summarize([a])).find((l) => l.startsWith('  long@'))
    expect(line).toContain('| dist/a.js.map: xxx')
    expect(line?.endsWith('x…')).toBe(true)
    expect(truncate('a\n  b')).toBe('a b')
  })
})

describe('comparing two runs', () => {
  const before = summarize([
    artifact('a@1', 1, [map]),
    artifact('b@1', 0, []),
    artifact('c@1', 1, [map, key]),
    artifact('old@1', 1, [key]),
  ])
  const after = summarize([
    artifact('a@1', 0, [tests]),
    artifact('b@1', 1, [key]),
    artifact('c@1', 1, [key]),
    artifact('new@1', 1, [map]),
  ])

  test('who started and stopped failing, and per rule', () => {
    const c = compare(before, after)
    expect(c.started).toEqual([{ name: 'b@1', rules: ['secret/private-key'] }])
    expect(c.stopped).toEqual([{ name: 'a@1', rules: ['sourcemap/sources-content'] }])
    expect(c.added).toEqual(['new@1'])
    expect(c.removed).toEqual(['old@1'])
    expect(c.rules).toEqual([
      { rule: 'secret/private-key', before: 1, after: 2, gained: ['b@1'], lost: [] },
      { rule: 'sourcemap/sources-content', before: 2, after: 0, gained: [], lost: ['a@1', 'c@1'] },
    ])
    expect(formatComparison(c)).toEqual([
      'started failing (1):',
      '  b@1: secret/private-key',
      'stopped failing (1):',
      '  a@1: was sourcemap/sources-content',
      'secret/private-key: 1 -> 2 artifacts',
      '  + b@1',
      'sourcemap/sources-content: 2 -> 0 artifacts',
      '  - a@1, c@1',
      'only in the new run (1):',
      '  new@1',
      'only in the old run (1):',
      '  old@1',
    ])
  })

  test('the same run twice: no change', () => {
    expect(formatComparison(compare(after, after))).toEqual([
      'no change in which artifacts fail or why',
    ])
  })
})
