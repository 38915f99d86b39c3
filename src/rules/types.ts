import type { Config } from '../config/types.js'
import type { DriftContext } from '../drift/context.js'
import type { Category, RawFinding, Severity } from '../findings.js'
import type { ChunkSink } from '../sources/body.js'
import type { SecretScanning } from './secrets/engine/service.js'
import type { Entry, EntrySummary } from '../sources/types.js'

/** What every rule id declares about itself; presets and docs are built from these. */
export interface RuleMeta {
  /** Stable id, `family/name`. */
  id: string
  category: Category
  /** Severity in the `recommended` preset ('off' = only when turned on). */
  severity: Severity | 'off'
  /** One line: what the rule reports. */
  description: string
  /**
   * Whether the rule stays on under `extends: none`: rules the user declares (files, limits)
   * and the fail-closed archive rules.
   */
  always?: boolean
}

export interface RuleContext {
  artifact: string
  config: Config
  report(finding: RawFinding): void
  /** Hands raw secret values to the runner's log masking (the Action only). */
  mask?: (value: string) => void
  /** Where secret scanning runs (this thread, or a worker); it reports through `report`. */
  secrets: SecretScanning
  /** The version the release is tagged with, when known. */
  expectVersion?: string
}

/**
 * Called for each entry as it is read, then once with the whole file list. A file larger than
 * STREAM_ABOVE comes without `content`: a rule that reads content returns a sink from `stream`,
 * which gets the bytes chunk by chunk before `entry` is called.
 */
export interface RuleVisitor {
  stream?(entry: Entry): ChunkSink | undefined
  entry?(entry: Entry): void
  /** `drift` is what the artifact is compared with, when a lockfile or baseline is used. */
  end?(entries: readonly EntrySummary[], drift?: DriftContext): void
}

/** A rule family: the ids it reports and how it looks at an artifact. */
export interface RuleFamily {
  rules: readonly RuleMeta[]
  create(ctx: RuleContext): RuleVisitor
}
