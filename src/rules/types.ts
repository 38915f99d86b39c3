import type { Config } from '../config/types.js'
import type { DriftContext } from '../drift/context.js'
import type { Category, RawFinding, Severity } from '../findings.js'
import type { ChunkSink } from '../sources/body.js'
import type { SecretScanning } from './secrets/engine/service.js'
import type { ArtifactFormat, Entry, EntrySummary } from '../sources/types.js'

/** What every rule id declares about itself; presets and docs are built from these. */
export interface RuleMeta<Id extends string = string> {
  /** Stable id, `family/name`. */
  id: Id
  category: Category
  /** Severity in the `recommended` preset ('off' = only when turned on). */
  severity: Severity | 'off'
  /** One line: what the rule reports. */
  description: string
  /** Where the rule judges each finding's severity in `recommended`: when and why it differs. */
  judged?: string
  /**
   * Whether the rule stays on under `extends: none`: rules the user declares (files, limits)
   * and the fail-closed archive rules.
   */
  always?: boolean
}

export interface RuleContext<Id extends string = string> {
  artifact: string
  config: Config
  /** Reports a finding of one of the family's own rule ids (checked when compiling). */
  report: (finding: RawFinding<Id>) => void
  /** Hands raw secret values to the runner's log masking (the Action only). */
  mask?: (value: string) => void
  /** Where secret scanning runs (this thread, or a worker); it reports through `report`. */
  secrets: SecretScanning
  /** The version the release is tagged with, when known. */
  expectVersion?: string
}

/** What is known once the whole artifact is read. */
export interface ReadFacts {
  format?: ArtifactFormat
  /** What the artifact is compared with, when a lockfile or baseline is used. */
  drift?: DriftContext
}

/**
 * Called for each entry as it is read, then once with the whole file list. A file larger than
 * STREAM_ABOVE comes without `content`: a rule that reads content returns a sink from `stream`,
 * which gets the bytes chunk by chunk before `entry` is called.
 */
export interface RuleVisitor {
  stream?(entry: Entry): ChunkSink | undefined
  entry?(entry: Entry): void
  end?(entries: readonly EntrySummary[], read: ReadFacts): void
}

/** A rule family: the ids it reports and how it looks at an artifact. */
export interface RuleFamily<Id extends string = string> {
  rules: readonly RuleMeta<Id>[]
  create(ctx: RuleContext<Id>): RuleVisitor
}

/**
 * Declares a rule family. Its ids are inferred from `rules` as literal types, so reporting an id
 * the family does not declare fails to compile, and `RuleId` (registry.ts) derives from them.
 */
export function defineFamily<const Id extends string>(family: RuleFamily<Id>): RuleFamily<Id> {
  return family
}
