import type { Config } from './config/types.js'
import {
  compareFindings,
  fingerprint,
  severityRank,
  type Finding,
  type SuppressedFinding,
  type RawFinding,
} from './findings.js'
import { compileGlobs } from './globs.js'
import { presetSeverity, RULES } from './rules/registry.js'
import type { RuleMeta } from './rules/types.js'
import type { FailOn } from './report/types.js'

/** Turns what a rule reported into a Finding with the configured severity; undefined when the rule is off. */
export function toFinding(raw: RawFinding, artifact: string, config: Config): Finding | undefined {
  const registered = RULES.get(raw.rule)
  const meta = registered ?? contentMeta(raw.rule, config)
  // A content rule's own `severity` is what the team declared: presets do not change it.
  const preset = registered ? presetSeverity(config.extends, meta, raw.severity) : meta.severity
  const explicit = config.rules[raw.rule]
  const severity = explicit ?? preset
  if (severity === 'off') return undefined
  // The rule's reason for its judgement, only where its judgement decided (not strict, not config).
  const judged =
    raw.because && !explicit && config.extends !== 'strict' && raw.severity === severity
  const finding: Finding = {
    rule: raw.rule,
    category: meta.category,
    severity,
    artifact,
    file: raw.file,
    message: judged ? `${raw.message} (${raw.because})` : raw.message,
    fingerprint: fingerprint(raw.rule, raw.file, raw.key ?? raw.message),
  }
  if (raw.line !== undefined) finding.line = raw.line
  if (raw.column !== undefined) finding.column = raw.column
  if (raw.evidence !== undefined) finding.evidence = raw.evidence
  if (raw.data !== undefined) finding.data = raw.data
  return finding
}

/**
 * A finding's path and message with every secret in them redacted: a token used as a folder or
 * file name must not reach any output whole, whichever rule names that path. Each distinct
 * string is scanned once.
 */
export function secretFreeTexts(
  redactText: (text: string) => string,
): (raw: RawFinding) => RawFinding {
  const cache = new Map<string, string>()
  const clean = (text: string) => {
    let out = cache.get(text)
    if (out === undefined) cache.set(text, (out = redactText(text)))
    return out
  }
  return (raw) => {
    const file = clean(raw.file)
    const message = clean(raw.message)
    return file === raw.file && message === raw.message ? raw : { ...raw, file, message }
  }
}

/** Content rules are declared in the config: their meta comes from there. */
function contentMeta(id: string, config: Config): RuleMeta {
  const rule = config.content.find((c) => id === `content/${c.name}`)
  if (!rule) throw new Error(`internal: rule ${id} is not registered`)
  return {
    id,
    category: 'leak',
    severity: rule.severity,
    always: true,
    description: rule.message ?? `content rule ${rule.name}`,
  }
}

/** Splits findings into reported and suppressed (by `ignore`), drops duplicates, sorts both. */
export function finalize(
  findings: Finding[],
  config: Config,
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const ignores = config.ignore.map((ig) => ({
    ...ig,
    path: ig.path === undefined ? undefined : compileGlobs([ig.path]),
  }))
  const kept: Finding[] = []
  const suppressed: SuppressedFinding[] = []
  const seen = new Set<string>()
  for (const f of findings) {
    const id = `${f.artifact}\0${f.fingerprint}`
    if (seen.has(id)) continue
    seen.add(id)
    const ig = ignores.find((i) => ruleMatches(i.rule, f.rule) && (!i.path || i.path.first(f.file)))
    if (ig) suppressed.push({ ...f, reason: ig.reason })
    else kept.push(f)
  }
  return { findings: kept.sort(compareFindings), suppressed: suppressed.sort(compareFindings) }
}

function ruleMatches(pattern: string, rule: string): boolean {
  return pattern.endsWith('/*') ? rule.startsWith(pattern.slice(0, -1)) : pattern === rule
}

/** Whether a finding of this severity fails the run at `failOn`. */
export function fails(f: Finding, failOn: FailOn): boolean {
  return failOn !== 'never' && severityRank(f.severity) >= severityRank(failOn)
}
