import { RE2JS } from 're2js'
import { MAX_COUNT } from './content-limits.js'
import { ConfigError } from '../errors.js'
import type { Severity } from '../findings.js'
import type { CONTENT_RULE } from './schema.js'
import type { Resolved } from './spec.js'

/** A team's own content rule (`content/<name>`): codenames, internal hosts, "DO NOT SHIP". */
export interface ContentRule {
  name: string
  severity: Severity
  message?: string
  files?: string[]
  /**
   * Where the first match starts and how many there are, or undefined without one. With
   * `from`/`to`, only matches starting in `text[from, to)` count (a window of a streamed file).
   */
  find(text: string, from?: number, to?: number): Matches | undefined
}

export interface Matches {
  first: number
  count: number
}

/** A content rule as the config file declares it, its severity defaulted. */
export type RawContentRule = Resolved<typeof CONTENT_RULE>

const FLAGS: Record<string, number> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
}

/**
 * Compiles a content rule. A `pattern` is RE2 syntax run on re2js, a linear-time engine, so no
 * config can make a scan hang. `strings` are literals, word-bounded and case-insensitive unless
 * `flags` says otherwise; escaped literals cannot backtrack, so they run on V8's engine.
 */
export function compileContentRule(raw: RawContentRule, where: string): ContentRule {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(raw.name)) {
    throw new ConfigError(
      `${where}.name: '${raw.name}' must be lowercase letters, digits and dashes`,
    )
  }
  if ((raw.pattern === undefined) === (raw.strings === undefined)) {
    throw new ConfigError(`${where} (${raw.name}): give exactly one of pattern or strings`)
  }
  const flags = raw.flags ?? (raw.strings ? 'i' : '')
  for (const f of flags) {
    if (!FLAGS[f])
      throw new ConfigError(`${where}.flags (${raw.name}): unknown flag '${f}'; expected i, m or s`)
  }
  const base = {
    name: raw.name,
    severity: raw.severity,
    message: raw.message,
    files: raw.files,
  }
  if (raw.strings) {
    if (raw.strings.length === 0 || raw.strings.some((s) => s.length === 0)) {
      throw new ConfigError(`${where}.strings (${raw.name}): expected non-empty strings`)
    }
    const alt = raw.strings.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}_])(?:${alt})(?![\\p{L}\\p{N}_])`,
      `gu${flags.replace('s', '')}`,
    )
    return {
      ...base,
      find(text, from = 0, to = text.length) {
        re.lastIndex = from
        let found: Matches | undefined
        for (
          let m = re.exec(text);
          m && m.index < to && (found?.count ?? 0) < MAX_COUNT;
          m = re.exec(text)
        ) {
          found = found
            ? { first: found.first, count: found.count + 1 }
            : { first: m.index, count: 1 }
        }
        return found
      },
    }
  }
  let compiled: RE2JS
  try {
    compiled = RE2JS.compile(
      raw.pattern as string,
      [...flags].reduce((n, f) => n | FLAGS[f], 0),
    )
  } catch (err) {
    throw new ConfigError(
      `${where}.pattern (${raw.name}): invalid RE2 pattern: ${(err as Error).message}`,
    )
  }
  if (compiled.matcher('').find()) {
    throw new ConfigError(`${where}.pattern (${raw.name}): the pattern matches empty text`)
  }
  return {
    ...base,
    find(text, from = 0, to = text.length) {
      const m = compiled.matcher(text)
      let found: Matches | undefined
      let more = m.find(from)
      for (; more && m.start() < to && (found?.count ?? 0) < MAX_COUNT; more = m.find()) {
        found = found
          ? { first: found.first, count: found.count + 1 }
          : { first: m.start(), count: 1 }
      }
      return found
    },
  }
}
