import { describe, expect, test } from '@jest/globals'
import { renderMarkdown } from '../src/report/markdown.js'
import { MAX_SARIF_RESULTS, renderSarif } from '../src/report/sarif.js'
import { MAX_TEXT_FINDINGS, renderText } from '../src/report/text.js'
import { MAX_MANIFEST_BYTES } from '../src/sources/limits.js'
import { checksummed } from '../src/rules/secrets/kit/samples.js'
import { checkBytes } from './helpers/check.js'
import { npmTgz, tgz } from './helpers/tar.js'

const PKG = JSON.stringify({ name: 'x', version: '1.0.0', files: ['*'] })

describe('any number of findings', () => {
  // 130,000 findings threw "Maximum call stack size exceeded" (a spread push) before.
  const many = 130_000
  let report: Awaited<ReturnType<typeof checkBytes>>

  test(`${many} findings are all reported`, async () => {
    const items = [{ name: 'package/package.json', content: PKG }]
    for (let i = 0; i < many; i++)
      items.push({ name: `package/d${i % 400}/f${i}.orig`, content: '' })
    report = await checkBytes('many.tgz', tgz(items))
    expect(report.findings.filter((f) => f.rule === 'file/cruft')).toHaveLength(many)
  }, 120_000)

  test('the text output prints the most severe and counts the rest', () => {
    // One error among the notices, sorted last by name: it is still printed.
    const withError = {
      ...report,
      findings: [{ ...report.findings[5], severity: 'error' as const }, ...report.findings],
    }
    const text = renderText(withError, { color: false })
    const lines = text.split('\n')
    expect(lines.filter((l) => /^ {4}(error|notice) /.test(l))).toHaveLength(MAX_TEXT_FINDINGS)
    expect(lines.filter((l) => /^ {4}error /.test(l))).toHaveLength(1)
    const rest = withError.findings.length - MAX_TEXT_FINDINGS
    expect(text).toContain(
      `${rest.toLocaleString('en-US')} more finding(s) not shown (0 error(s), 0 warning(s), ${rest.toLocaleString('en-US')} notice(s))`,
    )
    expect(text.length).toBeLessThan(200_000)
  })

  test('SARIF keeps what code scanning keeps, and says how many it left out', () => {
    const sarif = JSON.parse(renderSarif(report))
    const run = sarif.runs[0]
    expect(run.results).toHaveLength(MAX_SARIF_RESULTS)
    expect(run.properties.omittedResults).toBe(report.findings.length - MAX_SARIF_RESULTS)
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(
      /^\d+ more result\(s\) not included: code scanning keeps at most 5000 per run/,
    )
  })

  test('the job summary stays within its size', () => {
    expect(Buffer.byteLength(renderMarkdown(report))).toBeLessThan(1024 * 1024)
  })
})

describe('a root package.json is read under a bound', () => {
  test('past the bound: one error, nothing parsed, the run goes on', async () => {
    const token = checksummed('gh' + 'p_', 'big-manifest')
    const big = JSON.stringify({
      name: 'x',
      version: '1.0.0',
      description: `token ${token}`,
      exports: Object.fromEntries(
        Array.from({ length: 200_000 }, (_, i) => [`./f${i}`, `./missing${i}.js`]),
      ),
    })
    expect(big.length).toBeGreaterThan(MAX_MANIFEST_BYTES)
    const r = await checkBytes('big.tgz', npmTgz({ 'package.json': big, '.env': 'A=1' }))
    const meta = r.findings.filter((f) => f.rule.startsWith('metadata/'))
    expect(meta.map((f) => [f.rule, f.severity])).toEqual([
      ['metadata/invalid-package-json', 'error'],
    ])
    expect(meta[0].message).toMatch(/^package\.json is \d\.\d MB, over the 4 MiB packguard parses/)
    expect(r.findings.some((f) => f.rule === 'file/sensitive-env')).toBe(true)
    // Its bytes are still scanned like any other file's.
    expect(r.findings.filter((f) => f.file === 'package.json').map((f) => f.rule)).toContain(
      'secret/github-token',
    )
  })

  test('just under the bound: parsed and checked as usual', async () => {
    const pad = 'x'.repeat(MAX_MANIFEST_BYTES - 200)
    const pkg = JSON.stringify({ name: 'x', version: '1.0.0', description: pad, main: 'gone.js' })
    const r = await checkBytes('ok.tgz', npmTgz({ 'package.json': pkg }))
    expect(r.findings.map((f) => f.rule)).toContain('metadata/missing-entry-point')
    expect(r.findings.map((f) => f.rule)).not.toContain('metadata/invalid-package-json')
  })
})
