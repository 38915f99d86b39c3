import type { RuleId } from '../rules/registry.js'
import { formatCount, formatSize } from '../config/units.js'
import type { Severity } from '../findings.js'
import { printable } from './escape.js'
import type { Report } from './types.js'

const COLORS: Record<Severity | 'bold' | 'dim' | 'green', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  notice: [36, 39],
  green: [32, 39],
  bold: [1, 22],
  dim: [2, 22],
}

/**
 * The most findings printed: a terminal or a CI log is read by people, and 100,000 lines (a
 * package of generated files) would bury the verdict. The most severe come first; the JSON
 * report and SARIF keep the rest.
 */
export const MAX_TEXT_FINDINGS = 1_000

/** Terminal output for people: findings grouped by artifact and file, then a one-line verdict. */
export function renderText(report: Report, opts: { color: boolean }): string {
  const paint = (style: keyof typeof COLORS, s: string) =>
    opts.color ? `\u001b[${COLORS[style][0]}m${s}\u001b[${COLORS[style][1]}m` : s
  const out: string[] = []
  const shown = report.findings.slice(0, MAX_TEXT_FINDINGS)
  for (const a of report.artifacts) {
    const kind = a.format ? `${a.format}, ${a.files} files, ${formatSize(a.bytes)}` : 'not read'
    out.push(paint('bold', `${printable(a.path)}`) + paint('dim', ` (${kind})`))
    if (a.error) out.push(`  ${paint('error', 'unreadable')}  ${printable(a.error)}`)
    if (a.comparedWith?.length)
      out.push(paint('dim', `  compared with ${a.comparedWith.map(printable).join(' and ')}`))
    const drift = driftSummary(report.findings.filter((f) => f.artifact === a.path))
    if (drift) out.push(`  ${paint('bold', 'drift:')} ${drift}`)
    if (a.lockfile?.changed)
      out.push(
        paint(
          'dim',
          `  the artifact differs from ${printable(a.lockfile.path)}; --update-lockfile rewrites it`,
        ),
      )
    const byFile = groupBy(
      shown.filter((f) => f.artifact === a.path),
      (f) => f.file,
    )
    for (const [file, list] of byFile) {
      out.push(`  ${file ? printable(file) : paint('dim', '(artifact)')}`)
      for (const f of list) {
        const where = f.line ? paint('dim', `:${f.line}${f.column ? `:${f.column}` : ''} `) : ''
        out.push(
          `    ${where}${paint(f.severity, f.severity.padEnd(7))}  ${printable(f.message)}  ${paint('dim', f.rule)}`,
        )
      }
    }
    const none = byFile.size === 0 && !report.findings.some((f) => f.artifact === a.path)
    if (!a.error && none) out.push(`  ${paint('green', 'no findings')}`)
    out.push('')
  }
  const hidden = report.findings.length - shown.length
  if (hidden > 0) {
    out.push(
      paint(
        'bold',
        `${formatCount(hidden)} more finding(s) not shown (${countsOf(report.findings.slice(shown.length))}); the most severe ${formatCount(shown.length)} are above, and --format json or sarif lists every one`,
      ),
    )
  }
  if (report.suppressed.length > 0) {
    out.push(
      paint(
        'dim',
        `${report.suppressed.length} finding(s) suppressed by ignore entries (listed in the JSON report)`,
      ),
    )
  }
  out.push(verdict(report, paint))
  return `${out.join('\n')}\n`
}

function countsOf(findings: Report['findings']): string {
  const n = { error: 0, warning: 0, notice: 0 }
  for (const f of findings) n[f.severity]++
  return `${formatCount(n.error)} error(s), ${formatCount(n.warning)} warning(s), ${formatCount(n.notice)} notice(s)`
}

function verdict(report: Report, paint: (style: keyof typeof COLORS, s: string) => string): string {
  const { error, warning, notice } = report.counts
  const counts = `${error} error(s), ${warning} warning(s), ${notice} notice(s)`
  const unreadable = report.artifacts.filter((a) => a.error).length
  const n = report.artifacts.length
  if (unreadable > 0)
    return paint(
      'error',
      `✖ packguard could not read ${unreadable} of ${n} artifact(s) completely; ${counts}`,
    )
  if (report.result === 'fail')
    return paint('error', `✖ packguard: fail (${counts}; fail-on ${report.failOn})`)
  return paint('green', `✔ packguard: pass (${counts}) in ${n} artifact(s)`)
}

const DRIFT_WORDS: Array<[RuleId, string]> = [
  ['drift/file-added', 'added'],
  ['drift/file-removed', 'removed'],
  ['drift/mode-changed', 'mode changed'],
  ['drift/type-changed', 'type changed'],
  ['drift/size-changed', 'size changed'],
  ['drift/content-changed', 'content changed'],
]

/** "1 added, 4 mode changed" for an artifact's drift findings, or '' without any. */
function driftSummary(findings: Report['findings']): string {
  return DRIFT_WORDS.map(
    ([rule, word]) => [findings.filter((f) => f.rule === rule).length, word] as const,
  )
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`)
    .join(', ')
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const it of items) {
    const k = key(it)
    const list = m.get(k)
    if (list) list.push(it)
    else m.set(k, [it])
  }
  return m
}
