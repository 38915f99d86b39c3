import { formatSize } from '../config/units.js'
import { docsUrl } from '../rules/registry.js'
import { markdownText } from './escape.js'
import type { Report } from './types.js'

const ICON = { error: '🔴', warning: '🟠', notice: '🔵' } as const
/** The runner refuses a job summary over 1 MiB; stay well under it. */
const MAX_BYTES = 900 * 1024

/** The job summary: verdict, artifacts, and a findings table (cut with a note if too long). */
export function renderMarkdown(report: Report): string {
  const head: string[] = []
  const { error, warning, notice } = report.counts
  const unreadable = report.artifacts.filter((a) => a.error)
  const verdict = unreadable.length
    ? `❌ **packguard could not read ${unreadable.length} artifact(s) completely**`
    : report.result === 'fail'
      ? '❌ **packguard: fail**'
      : '✅ **packguard: pass**'
  head.push(
    `## ${verdict}`,
    '',
    `${error} error(s), ${warning} warning(s), ${notice} notice(s); fail-on: ${report.failOn}`,
    '',
  )
  head.push('| Artifact | Format | Files | Size | Status |', '| --- | --- | ---: | ---: | --- |')
  for (const a of report.artifacts) {
    const status = a.error ? `unreadable: ${markdownText(a.error)}` : 'read'
    head.push(
      `| ${markdownText(a.path)} | ${a.format ?? ''} | ${a.files} | ${formatSize(a.bytes)} | ${status} |`,
    )
  }
  head.push('')
  if (report.findings.length === 0) return `${[...head, 'No findings.', ''].join('\n')}`
  head.push('| Severity | Rule | Artifact | File | Message |', '| --- | --- | --- | --- | --- |')
  const rows = report.findings.map((f) => {
    const where = f.file ? `${markdownText(f.file)}${f.line ? `:${f.line}` : ''}` : ''
    return `| ${ICON[f.severity]} ${f.severity} | [${f.rule}](${docsUrl(f.rule)}) | ${markdownText(f.artifact)} | ${where} | ${markdownText(f.message)} |`
  })
  let out = head.join('\n')
  let shown = 0
  for (const row of rows) {
    if (Buffer.byteLength(out) + Buffer.byteLength(row) > MAX_BYTES) break
    out += `\n${row}`
    shown++
  }
  if (shown < rows.length)
    out += `\n\n_${rows.length - shown} more finding(s) not shown here: the summary size limit was reached; see the JSON report._`
  if (report.suppressed.length)
    out += `\n\n${report.suppressed.length} finding(s) suppressed by \`ignore\` entries.`
  return `${out}\n`
}
