import type { RuleId } from '../rules/registry.js'
import { parse } from 'yaml'
import { ConfigError } from '../errors.js'
import type { SeverityOrOff } from '../findings.js'
import { RULES } from '../rules/registry.js'
import { DEFAULT_LIMITS } from '../sources/limits.js'
import { DEFAULT_DRIFT, type Tolerance } from '../drift/diff.js'
import { compileContentRule, type RawContentRule } from './content.js'
import { CONFIG_SCHEMA } from './schema.js'
import type { Config, IgnoreEntry, PresetName } from './types.js'
import { parseSize } from './units.js'
import { validate } from './validate.js'

/** Parses and validates config text; `name` is used in every error message. */
export function parseConfig(text: string, name: string): Config {
  let raw: unknown
  try {
    raw = parse(text, { prettyErrors: true, uniqueKeys: true }) ?? {}
  } catch (err) {
    throw new ConfigError(`${name}: invalid YAML: ${(err as Error).message.split('\n')[0]}`)
  }
  validate(raw, CONFIG_SCHEMA, name)
  return toConfig(raw as RawConfig, name)
}

interface RawConfig {
  extends?: PresetName
  files?: { forbid?: string[]; allow?: string[]; require?: string[] }
  limits?: {
    'max-total-size'?: string | number
    'max-file-size'?: string | number
    'max-files'?: number
  }
  rules?: Record<string, SeverityOrOff>
  sourcemaps?: Partial<Record<keyof typeof SOURCEMAP_RULES, 'allow' | 'warn' | 'forbid'>>
  content?: RawContentRule[]
  drift?: {
    lockfile?: string
    baseline?: string
    compare?: 'size' | 'content'
    'size-tolerance'?: { percent?: number; bytes?: string | number }
    'total-size-tolerance'?: { percent?: number; bytes?: string | number }
    'file-count-tolerance'?: { percent?: number; files?: number }
  }
  ignore?: IgnoreEntry[]
  safety?: {
    'max-total-bytes'?: string | number
    'max-entry-bytes'?: string | number
    'max-entries'?: number
    'max-ratio'?: number
    'max-depth'?: number
  }
}

/** `sourcemaps:` settings and the rule ids each one sets. */
const SOURCEMAP_RULES = {
  files: ['sourcemap/file'],
  'sources-content': ['sourcemap/sources-content', 'sourcemap/inline'],
  'external-urls': ['sourcemap/external-url'],
} as const satisfies Record<string, readonly RuleId[]>
const MAP_POLICY = { allow: 'off', warn: 'warning', forbid: 'error' } as const

function toConfig(raw: RawConfig, name: string): Config {
  const content = (raw.content ?? []).map((c, i) => compileContentRule(c, `${name}: content[${i}]`))
  const isRule = (id: string) => RULES.has(id) || content.some((c) => id === `content/${c.name}`)
  for (const id of Object.keys(raw.rules ?? {})) {
    if (!isRule(id)) {
      throw new ConfigError(
        `${name}: rules.${id}: unknown rule id (see docs/rules.md for the list)`,
      )
    }
  }
  for (const [i, ig] of (raw.ignore ?? []).entries()) {
    const family = ig.rule.endsWith('/*') ? ig.rule.slice(0, -1) : undefined
    const known = family
      ? [...RULES.keys()].some((id) => id.startsWith(family)) ||
        (family === 'content/' && content.length > 0)
      : isRule(ig.rule)
    if (!known) throw new ConfigError(`${name}: ignore[${i}].rule: unknown rule id '${ig.rule}'`)
  }
  // `sourcemaps:` is shorthand for severities; an explicit `rules:` entry wins over it.
  const rules: Record<string, SeverityOrOff> = {}
  for (const [key, policy] of Object.entries(raw.sourcemaps ?? {})) {
    for (const id of SOURCEMAP_RULES[key as keyof typeof SOURCEMAP_RULES])
      rules[id] = MAP_POLICY[policy]
  }
  Object.assign(rules, raw.rules)
  const size = (v: string | number | undefined) => (v === undefined ? undefined : parseSize(v))
  const s = raw.safety ?? {}
  return {
    source: name,
    extends: raw.extends ?? 'recommended',
    files: {
      forbid: raw.files?.forbid ?? [],
      allow: raw.files?.allow,
      require: raw.files?.require ?? [],
    },
    limits: {
      maxTotalSize: size(raw.limits?.['max-total-size']),
      maxFileSize: size(raw.limits?.['max-file-size']),
      maxFiles: raw.limits?.['max-files'],
    },
    rules,
    ignore: raw.ignore ?? [],
    safety: {
      maxTotalBytes: size(s['max-total-bytes']) ?? DEFAULT_LIMITS.maxTotalBytes,
      maxEntryBytes: size(s['max-entry-bytes']) ?? DEFAULT_LIMITS.maxEntryBytes,
      maxEntries: s['max-entries'] ?? DEFAULT_LIMITS.maxEntries,
      maxRatio: s['max-ratio'] ?? DEFAULT_LIMITS.maxRatio,
      maxDepth: s['max-depth'] ?? DEFAULT_LIMITS.maxDepth,
    },
    drift: {
      lockfile: raw.drift?.lockfile,
      baseline: raw.drift?.baseline,
      settings: {
        content: raw.drift?.compare === 'content',
        fileTolerance: tolerance(raw.drift?.['size-tolerance'], DEFAULT_DRIFT.fileTolerance),
        totalTolerance: tolerance(
          raw.drift?.['total-size-tolerance'],
          DEFAULT_DRIFT.totalTolerance,
        ),
        countTolerance: raw.drift?.['file-count-tolerance']
          ? {
              percent: raw.drift['file-count-tolerance'].percent,
              absolute: raw.drift['file-count-tolerance'].files,
            }
          : DEFAULT_DRIFT.countTolerance,
      },
    },
    content,
  }
}

/** A configured tolerance replaces the default whole: the bounds not given do not apply. */
function tolerance(
  raw: { percent?: number; bytes?: string | number } | undefined,
  dflt: Tolerance,
): Tolerance {
  if (!raw) return dflt
  return {
    percent: raw.percent,
    absolute: raw.bytes === undefined ? undefined : parseSize(raw.bytes),
  }
}
