import { createHash } from 'node:crypto'

/** How bad a finding is; `off` only appears in configuration, never on a finding. */
export type Severity = 'error' | 'warning' | 'notice'
export type SeverityOrOff = Severity | 'off'
export type Category = 'leak' | 'drift' | 'policy' | 'archive'

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice']
const RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 }

export function severityRank(s: Severity): number {
  return RANK[s]
}

/** One problem found in one artifact. `evidence` is already redacted where it came from a secret. */
export interface Finding {
  rule: string
  category: Category
  severity: Severity
  artifact: string
  file: string
  line?: number
  column?: number
  message: string
  evidence?: string
  /** Structured facts for renderers (counts, sizes); never a secret. */
  data?: Record<string, number | string>
  fingerprint: string
}

/** A finding as a rule reports it; the check adds severity, category, artifact and fingerprint. */
export interface RawFinding<Id extends string = string> {
  rule: Id
  file: string
  line?: number
  column?: number
  message: string
  evidence?: string
  /** Structured facts for renderers (counts, sizes); never a secret. */
  data?: Record<string, number | string>
  /** Extra identity for the fingerprint when one file can carry several findings of a rule. */
  key?: string
  /**
   * This finding's severity in `recommended`, where the rule judges case by case (a map whose
   * sources are public anyway, an unknown export condition): the message says why. `strict`
   * and an explicit `rules:` entry still decide.
   */
  severity?: Severity
  /** Why the rule judged it so; added to the message where that judgement is what applies. */
  because?: string
}

export interface SuppressedFinding extends Finding {
  reason: string
}

/**
 * A stable identity for a finding: the rule, the path inside the artifact and a rule-chosen key.
 * The artifact path is left out on purpose, since release file names carry the version.
 */
export function fingerprint(rule: string, file: string, key = ''): string {
  return createHash('sha256').update(`${rule}\0${file}\0${key}`).digest('hex').slice(0, 16)
}

/** Most severe first, then artifact, file, line and rule, so every report lists findings alike. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    cmp(a.artifact, b.artifact) ||
    cmp(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  )
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
