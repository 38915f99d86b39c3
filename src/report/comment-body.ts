import { formatSize } from '../config/units.js'
import { compareFindings, type Finding } from '../findings.js'
import { docsUrl } from '../rules/registry.js'
import { markdownText } from './escape.js'
import type { Report } from './types.js'

/** First line of every packguard pull-request comment: how a later run finds the one to update. */
export const COMMENT_MARKER = '<!-- packguard-comment -->'
/** GitHub refuses a comment over 65,536 characters; counting UTF-8 bytes keeps well under it. */
export const MAX_COMMENT_BYTES = 50_000
/** A comment is a glance; the job summary and the JSON report hold everything. */
export const MAX_COMMENT_ROWS = 15
const MAX_LISTED_ARTIFACTS = 5
// Cut before escaping, so a cut never splits an entity or leaves a dangling backslash.
const MAX_PATH_CHARS = 200
const MAX_MESSAGE_CHARS = 300

const ICON = { error: '🔴', warning: '🟠', notice: '🔵' } as const

/**
 * The pull-request comment: marker, verdict, counts and the most severe findings. Every path and
 * message goes through `markdownText` (archive names are chosen by whoever built the archive), and
 * the body stays under `MAX_COMMENT_BYTES` whatever the report holds.
 */
export function renderComment(report: Report, opts: { runUrl?: string } = {}): string {
  const { error, warning, notice } = report.counts
  const unreadable = report.artifacts.filter((a) => a.error)
  const verdict = unreadable.length
    ? `❌ packguard could not read ${unreadable.length} artifact(s) completely`
    : report.result === 'fail'
      ? '❌ packguard: fail'
      : '✅ packguard: pass'
  const lines = [
    COMMENT_MARKER,
    `### ${verdict}`,
    '',
    `${error} error(s), ${warning} warning(s), ${notice} notice(s); fail-on: ${report.failOn}`,
    '',
    ...artifactLines(report),
  ]
  const findings = [...report.findings].sort(compareFindings)
  let out = lines.join('\n')
  let shown = 0
  if (findings.length) {
    out += '\n\n| Severity | Rule | Where | Message |\n| --- | --- | --- | --- |'
    // Leave room for the closing note, whose length does not depend on the findings.
    const budget = MAX_COMMENT_BYTES - 1_000
    for (const f of findings.slice(0, MAX_COMMENT_ROWS)) {
      const row = `\n${findingRow(f)}`
      if (Buffer.byteLength(out) + Buffer.byteLength(row) > budget) break
      out += row
      shown++
    }
  } else {
    out += '\n\nNo findings.'
  }
  const rest = findings.slice(shown)
  if (rest.length) out += `\n\n${moreNote(rest, opts.runUrl)}`
  else if (opts.runUrl) out += `\n\n[Workflow run](${safeUrl(opts.runUrl)})`
  if (report.suppressed.length)
    out += `\n\n${report.suppressed.length} finding(s) suppressed by \`ignore\` entries.`
  return `${out}\n`
}

function artifactLines(report: Report): string[] {
  const listed = report.artifacts.slice(0, MAX_LISTED_ARTIFACTS).map((a) => {
    const what = `${a.format ?? 'unknown format'}, ${a.files} file(s), ${formatSize(a.bytes)}`
    const status = a.error ? `; **unreadable**: ${cell(a.error, MAX_MESSAGE_CHARS)}` : ''
    return `- ${cell(a.path, MAX_PATH_CHARS)} (${what}${status})`
  })
  const hidden = report.artifacts.slice(MAX_LISTED_ARTIFACTS)
  if (hidden.length) {
    const bad = hidden.filter((a) => a.error).length
    listed.push(
      `- and ${hidden.length} more artifact(s)${bad ? `, ${bad} of them unreadable` : ''}`,
    )
  }
  return listed
}

function findingRow(f: Finding): string {
  const file = f.file ? `${cell(f.file, MAX_PATH_CHARS)}${f.line ? `:${f.line}` : ''}` : ''
  const where = [cell(f.artifact, MAX_PATH_CHARS), file].filter(Boolean).join(' › ')
  const rule = `[${cell(f.rule, MAX_PATH_CHARS)}](${safeUrl(docsUrl(f.rule))})`
  return `| ${ICON[f.severity]} ${f.severity} | ${rule} | ${where} | ${cell(f.message, MAX_MESSAGE_CHARS)} |`
}

function moreNote(rest: Finding[], runUrl?: string): string {
  const by = (s: Finding['severity']) => rest.filter((f) => f.severity === s).length
  const split = (['error', 'warning', 'notice'] as const)
    .filter((s) => by(s))
    .map((s) => `${by(s)} ${s}(s)`)
    .join(', ')
  const where = runUrl
    ? `see the job summary of the [workflow run](${safeUrl(runUrl)})`
    : 'see the job summary or the JSON report'
  return `_${rest.length} more finding(s) not shown here (${split}): ${where}._`
}

/** Escaped markdown for one table cell, cut to `max` characters (code points) first. */
function cell(text: string, max: number): string {
  const chars = Array.from(text)
  return markdownText(chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text)
}

/** A link target that cannot close the markdown link, open raw HTML or break the table. */
function safeUrl(url: string): string {
  return url.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/gu, (c) => {
    const code = c.codePointAt(0) ?? 0
    if (code < 0x80) return `%${code.toString(16).padStart(2, '0').toUpperCase()}`
    try {
      return encodeURIComponent(c)
    } catch {
      return '%EF%BF%BD' // a lone surrogate: U+FFFD
    }
  })
}
