import { formatCount, formatSize } from '../config/units.js'
import { SEVERITIES, type Finding, type Severity } from '../findings.js'
import { docsUrl } from '../rules/registry.js'
import { markdownText } from './escape.js'
import { breakdownTable, driftTable, exposureTable } from './markdown-sections.js'
import type { Report } from './types.js'
import { append } from '../append.js'

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', notice: '🔵' }
const TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', notice: 'Notices' }
/** The runner refuses a job summary over 1 MiB; stay well under it. */
export const MAX_SUMMARY_BYTES = 900 * 1024

/**
 * The job summary: verdict banner, artifacts, findings grouped by severity and rule (linked to
 * the rule docs), source-map exposure, drift and size by folder. Paths are escaped (names in
 * archives are attacker-controlled); past MAX_SUMMARY_BYTES the findings are cut with a note.
 */
export function renderMarkdown(report: Report): string {
  const head = [...banner(report), ...artifactsTable(report)]
  const tail: string[] = [...exposureTable(report.findings)]
  for (const a of report.artifacts)
    append(append(tail, driftTable(a.path, report.findings)), breakdownTable(a))
  if (report.suppressed.length)
    tail.push(
      `${report.suppressed.length} finding(s) suppressed by \`ignore\` entries (listed in the JSON report).`,
      '',
    )
  const budget = MAX_SUMMARY_BYTES - Buffer.byteLength([...head, ...tail].join('\n'))
  return `${[...head, ...findingsSections(report.findings, budget), ...tail].join('\n').trimEnd()}\n`
}

function banner(report: Report): string[] {
  const { error, warning, notice } = report.counts
  const unreadable = report.artifacts.filter((a) => a.error).length
  const verdict = unreadable
    ? `❌ packguard could not read ${unreadable} artifact(s) completely`
    : report.result === 'fail'
      ? '❌ packguard: fail'
      : '✅ packguard: pass'
  return [
    `## ${verdict}`,
    '',
    `**${error}** error(s), **${warning}** warning(s), **${notice}** notice(s) · fail-on: \`${report.failOn}\``,
    '',
  ]
}

function artifactsTable(report: Report): string[] {
  const out = ['| Artifact | Format | Files | Size | Status |', '| --- | --- | ---: | ---: | --- |']
  for (const a of report.artifacts) {
    const status = a.error
      ? `❌ unreadable: ${markdownText(a.error)}`
      : a.lockfile?.changed
        ? 'read · differs from lockfile'
        : 'read'
    out.push(
      `| ${markdownText(a.path)} | ${a.format ?? ''} | ${formatCount(a.files)} | ${formatSize(a.bytes)} | ${status} |`,
    )
  }
  return [...out, '']
}

/** One section per severity, rows grouped by rule; rows stop when the byte budget runs out. */
function findingsSections(findings: Finding[], budget: number): string[] {
  if (findings.length === 0) return ['No findings.', '']
  const out: string[] = []
  let used = 0
  let shown = 0
  for (const sev of SEVERITIES) {
    const list = findings
      .filter((f) => f.severity === sev)
      .sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
    if (list.length === 0) continue
    const header = [
      `### ${ICON[sev]} ${TITLE[sev]} (${list.length})`,
      '',
      '| Rule | Artifact | File | Message |',
      '| --- | --- | --- | --- |',
    ]
    used += Buffer.byteLength(header.join('\n'))
    out.push(...header)
    for (const f of list) {
      const where = f.file ? `${markdownText(f.file)}${f.line ? `:${f.line}` : ''}` : ''
      const row = `| [${f.rule}](${docsUrl(f.rule)}) | ${markdownText(f.artifact)} | ${where} | ${markdownText(f.message)} |`
      used += Buffer.byteLength(row) + 1
      if (used > budget) break
      out.push(row)
      shown++
    }
    out.push('')
    if (used > budget) break
  }
  if (shown < findings.length) {
    out.push(
      `_${findings.length - shown} more finding(s) not shown: the job summary is limited to 1 MiB. Every finding is in the JSON report._`,
      '',
    )
  }
  return out
}
