import type { SeverityOrOff } from '../findings.js'
import type { ContentRule } from './content.js'
import type { DriftSettings } from '../drift/diff.js'
import type { SafetyLimits } from '../sources/limits.js'

export type PresetName = 'recommended' | 'strict' | 'none'
export const PRESETS: readonly PresetName[] = ['recommended', 'strict', 'none']

/** A documented suppression: findings of `rule` (an id or `family/*`) on files matching `path`. */
export interface IgnoreEntry {
  rule: string
  path?: string
  reason: string
}

/** The validated configuration, with defaults filled in. */
export interface Config {
  /** The file it came from, if any. */
  source?: string
  extends: PresetName
  files: { forbid: string[]; allow?: string[]; require: string[] }
  limits: { maxTotalSize?: number; maxFileSize?: number; maxFiles?: number }
  rules: Record<string, SeverityOrOff>
  ignore: IgnoreEntry[]
  safety: SafetyLimits
  /** `drift:`: what to compare with and how (CLI flags and Action inputs override the paths). */
  drift: { lockfile?: string; baseline?: string; settings: DriftSettings }
  /** The team's own content rules, compiled. */
  content: ContentRule[]
}
