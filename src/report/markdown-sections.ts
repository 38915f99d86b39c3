import type { RuleId } from '../rules/registry.js'
import type { FolderSize } from '../breakdown.js'
import { formatCount, formatSize } from '../config/units.js'
import type { Finding } from '../findings.js'
import { markdownText } from './escape.js'
import type { ArtifactReport } from './types.js'

const n = (x: number | string | undefined) => (typeof x === 'number' ? formatCount(x) : '')
const size = (x: number | string | undefined) => (typeof x === 'number' ? formatSize(x) : '')

/** Source-map exposure: per map, how many original files and bytes it gives away. */
export function exposureTable(findings: Finding[]): string[] {
  const maps = findings.filter(
    (f) => f.rule.startsWith('sourcemap/') && f.data?.firstParty !== undefined,
  )
  if (maps.length === 0) return []
  const out = [
    '### Source-map exposure',
    '',
    '| Artifact | Map | Original files | Their size | From node_modules | Their size |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ]
  for (const f of maps.slice(0, 50)) {
    const d = f.data ?? {}
    out.push(
      `| ${markdownText(f.artifact)} | ${markdownText(f.file)} | ${n(d.firstParty)} | ${size(d.firstPartyBytes)} | ${n(d.dependencies)} | ${size(d.dependencyBytes)} |`,
    )
  }
  if (maps.length > 50) out.push('', `_${maps.length - 50} more maps in the report._`)
  return [...out, '']
}

/** Drift of one artifact: added, removed, mode changes, biggest size changes. */
export function driftTable(artifact: string, findings: Finding[]): string[] {
  const mine = findings.filter(
    (f) => f.artifact === artifact && f.rule.startsWith('drift/') && f.file,
  )
  if (mine.length === 0) return []
  const list = (rule: RuleId) => mine.filter((f) => f.rule === rule)
  const paths = (fs: Finding[]) =>
    fs
      .slice(0, 20)
      .map((f) => markdownText(f.file))
      .join('<br>') + (fs.length > 20 ? `<br>… ${fs.length - 20} more` : '')
  const sizes = list('drift/size-changed')
    .sort(
      (a, b) =>
        Math.abs(Number(b.data?.after) - Number(b.data?.before)) -
        Math.abs(Number(a.data?.after) - Number(a.data?.before)),
    )
    .slice(0, 10)
    .map((f) => `${markdownText(f.file)}: ${size(f.data?.before)} → ${size(f.data?.after)}`)
    .join('<br>')
  const modes = list('drift/mode-changed')
  const rows: Array<[string, string]> = [
    ['Added', paths(list('drift/file-added'))],
    ['Removed', paths(list('drift/file-removed'))],
    ['Executable bit changed', paths(modes)],
    ['Biggest size changes', sizes],
  ]
  const out = [`### Drift: ${markdownText(artifact)}`, '', '| Change | Files |', '| --- | --- |']
  for (const [label, cell] of rows) if (cell) out.push(`| ${label} | ${cell} |`)
  return [...out, '']
}

const BAR = 24

/** Size by top-level folder as a bar chart, with the baseline beside it when there is one. */
export function breakdownTable(a: ArtifactReport): string[] {
  const now = a.breakdown ?? []
  if (now.length === 0) return []
  const before = new Map((a.baselineBreakdown ?? []).map((f) => [f.folder, f]))
  const folders: FolderSize[] = [...now]
  for (const f of a.baselineBreakdown ?? [])
    if (!now.some((x) => x.folder === f.folder))
      folders.push({ folder: f.folder, files: 0, bytes: 0 })
  const top = folders.slice(0, 12)
  const max = Math.max(1, ...top.map((f) => Math.max(f.bytes, before.get(f.folder)?.bytes ?? 0)))
  const bar = (bytes: number) =>
    '█'.repeat(Math.round((bytes / max) * BAR)) || (bytes > 0 ? '▏' : '')
  const withBase = a.baselineBreakdown !== undefined
  const out = [`### Size by folder: ${markdownText(a.path)}`, '']
  out.push(
    withBase
      ? `| Folder | Before (${markdownText(a.comparedWith?.at(-1) ?? 'baseline')}) | Now | |`
      : '| Folder | Files | Size | |',
    withBase ? '| --- | ---: | ---: | --- |' : '| --- | ---: | ---: | --- |',
  )
  for (const f of top) {
    const b = before.get(f.folder)
    out.push(
      withBase
        ? `| ${markdownText(f.folder)} | ${formatSize(b?.bytes ?? 0)} | ${formatSize(f.bytes)} | \`${bar(f.bytes)}\` |`
        : `| ${markdownText(f.folder)} | ${n(f.files)} | ${formatSize(f.bytes)} | \`${bar(f.bytes)}\` |`,
    )
  }
  if (folders.length > top.length)
    out.push('', `_${folders.length - top.length} smaller folders not shown._`)
  return [...out, '']
}
