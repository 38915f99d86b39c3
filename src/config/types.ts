import type { SeverityOrOff } from '../findings.js'
import type { ContentRule } from './content.js'
import type { DriftSettings } from '../drift/diff.js'
import type { SafetyLimits } from '../sources/limits.js'
import type { ResolvedConfig } from './schema.js'

export type PresetName = ResolvedConfig['extends']

/** A documented suppression: findings of `rule` (an id or `family/*`) on files matching `path`. */
export type IgnoreEntry = ResolvedConfig['ignore'][number]

/** The validated configuration, with defaults filled in. */
export interface Config {
  /** The file it came from, if any. */
  source?: string
  extends: PresetName
  files: ResolvedConfig['files']
  limits: ResolvedConfig['limits']
  rules: Record<string, SeverityOrOff>
  ignore: IgnoreEntry[]
  safety: SafetyLimits
  /** `drift:`: what to compare with and how (CLI flags and Action inputs override the paths). */
  drift: { lockfile?: string; baseline?: string; settings: DriftSettings }
  /** The team's own content rules, compiled. */
  content: ContentRule[]
}
