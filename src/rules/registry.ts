import type { PresetName } from '../config/types.js'
import type { Severity, SeverityOrOff } from '../findings.js'
import { archiveRules } from './archive.js'
import { filesRules } from './files.js'
import { contentRules } from './content.js'
import { driftRules } from './drift.js'
import { packageDriftRules } from './drift-package.js'
import { npmMetadataRules } from './npm-metadata.js'
import { wheelMetadataRules } from './wheel-metadata.js'
import { sensitiveRules } from './sensitive.js'
import { sizeRules } from './size.js'
import { secretRules } from './secrets/index.js'
import { sourcemapRules } from './sourcemaps/index.js'
import type { RuleFamily, RuleMeta } from './types.js'

/** Every rule family, in the order they run. Later families register here. */
export const FAMILIES = [
  archiveRules,
  filesRules,
  sizeRules,
  secretRules,
  sensitiveRules,
  sourcemapRules,
  contentRules,
  driftRules,
  packageDriftRules,
  npmMetadataRules,
  wheelMetadataRules,
] as const satisfies readonly RuleFamily[]

/** Every rule id: a misspelt id is a compile error wherever one is named. */
export type RuleId = (typeof FAMILIES)[number]['rules'][number]['id'] | `content/${string}`

export const RULES: ReadonlyMap<string, RuleMeta> = new Map(
  FAMILIES.flatMap((f): readonly RuleMeta[] => f.rules).map((r) => [r.id, r]),
)

/**
 * The severity a preset gives a finding of a rule: `recommended` as declared (or as the rule
 * judged this finding), `strict` all errors, `none` only declared and fail-closed rules.
 */
export function presetSeverity(
  preset: PresetName,
  rule: RuleMeta,
  judged?: Severity,
): SeverityOrOff {
  if (preset === 'strict') return 'error'
  if (preset === 'none' && !rule.always) return 'off'
  return rule.severity === 'off' ? 'off' : (judged ?? rule.severity)
}

/** Anchor of a rule in docs/rules.md (`file/forbidden` -> `file-forbidden`). */
export function docsAnchor(id: string): string {
  // Every content rule shares one section: its ids come from the config.
  if (id.startsWith('content/')) return 'content-name'
  return id.replace(/[^a-z0-9]+/gi, '-').toLowerCase()
}

export const DOCS_BASE = 'https://github.com/packguard/packguard/blob/main/docs/rules.md'

export function docsUrl(id: string): string {
  return `${DOCS_BASE}#${docsAnchor(id)}`
}
