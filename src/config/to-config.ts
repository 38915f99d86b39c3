import type { RuleId } from '../rules/registry.js'
import type { SeverityOrOff } from '../findings.js'
import type { ContentRule } from './content.js'
import type { ResolvedConfig } from './schema.js'
import type { Config } from './types.js'

/** `sourcemaps:` settings and the rule ids each one sets; a new setting must name its rules. */
const SOURCEMAP_RULES: Record<keyof ResolvedConfig['sourcemaps'], readonly RuleId[]> = {
  files: ['sourcemap/file'],
  sourcesContent: ['sourcemap/sources-content', 'sourcemap/inline'],
  externalUrls: ['sourcemap/external-url'],
}
const MAP_POLICY = { allow: 'off', warn: 'warning', forbid: 'error' } as const

/**
 * The Config the checks use, from a resolved config file and its compiled content rules. It only
 * reshapes: every default is the schema's, filled in by `resolve`.
 */
export function toConfig(
  r: ResolvedConfig,
  source: string | undefined,
  content: ContentRule[],
): Config {
  const { drift } = r
  // `sourcemaps:` is shorthand for severities; an explicit `rules:` entry wins over it.
  const rules: Record<string, SeverityOrOff> = {}
  for (const [key, policy] of Object.entries(r.sourcemaps)) {
    for (const id of SOURCEMAP_RULES[key as keyof typeof SOURCEMAP_RULES])
      rules[id] = MAP_POLICY[policy]
  }
  return {
    source,
    extends: r.extends,
    files: r.files,
    limits: r.limits,
    rules: Object.assign(rules, r.rules),
    ignore: r.ignore,
    safety: r.safety,
    drift: {
      lockfile: drift.lockfile,
      baseline: drift.baseline,
      settings: {
        content: drift.compare === 'content',
        fileTolerance: {
          percent: drift.sizeTolerance.percent,
          absolute: drift.sizeTolerance.bytes,
        },
        totalTolerance: {
          percent: drift.totalSizeTolerance.percent,
          absolute: drift.totalSizeTolerance.bytes,
        },
        countTolerance: {
          percent: drift.fileCountTolerance.percent,
          absolute: drift.fileCountTolerance.files,
        },
      },
    },
    content,
  }
}
