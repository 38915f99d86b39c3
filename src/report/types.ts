import type { FolderSize } from '../breakdown.js'
import type { Manifest } from '../drift/manifest.js'
import type { ArtifactFormat } from '../sources/types.js'
import type { Finding, Severity, SuppressedFinding } from '../findings.js'

export type FailOn = Severity | 'never'
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never']

export interface ArtifactReport {
  path: string
  format?: ArtifactFormat
  /** Regular files read. */
  files: number
  /** Unpacked bytes of those files. */
  bytes: number
  /** Set when the artifact could not be read completely (exit 3). */
  error?: string
  /** Sizes by top-level folder, largest first. */
  breakdown?: FolderSize[]
  /** What the artifact was compared with: `the lockfile <path>`, the baseline (`big-cli@2.1.87`). */
  comparedWith?: string[]
  /** The same for the baseline, when there is one (before/after). */
  baselineBreakdown?: FolderSize[]
  /** With a lockfile: the manifest the artifact has now, and whether it differs from the lockfile. */
  lockfile?: { path: string; changed: boolean; proposed: Manifest }
}

/** The JSON report (`--format json`); renderers read only this. */
export interface Report {
  schemaVersion: 1
  tool: { name: string; version: string }
  result: 'pass' | 'fail'
  failOn: FailOn
  artifacts: ArtifactReport[]
  findings: Finding[]
  suppressed: SuppressedFinding[]
  counts: Record<Severity, number>
}
