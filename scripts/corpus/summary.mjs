// @ts-check
// The corpus run's bookkeeping, as pure functions over packguard's JSON reports: what one
// artifact's report amounts to, the run's totals, the rule table, and what changed between two
// runs. Only rule ids, file paths inside the artifact and packguard's own (redacted) messages are
// kept: never a finding's evidence.

/** @typedef {'error' | 'warning' | 'notice'} Severity */
/** @typedef {Record<string, number>} RuleCounts rule id -> number of findings */
/**
 * @typedef {object} ArtifactResult
 * @property {string} name e.g. `jsonwebtoken@9.0.3`, `java:guava.jar`
 * @property {string} kind npm, wheel or jar
 * @property {string} group the list's group (auth-crypto, database, ...), or the kind
 * @property {number | null} exit the CLI's exit code (null: killed or not started)
 * @property {Record<Severity, RuleCounts>} counts findings by severity, then rule
 * @property {{ rule: string, file: string, message: string }} [firstError] the report's first error
 * @property {string} [problem] why the artifact was unreadable, or what went wrong running it
 * @property {number} [seconds] how long the check took
 */
/**
 * @typedef {object} Summary
 * @property {number} schemaVersion
 * @property {string} date
 * @property {ArtifactResult[]} artifacts
 * @property {{ name: string, message: string }[]} fetchErrors packages npm could not fetch
 */

const SEVERITIES = /** @type {const} */ (['error', 'warning', 'notice'])

/** Messages are cut to this many characters in the printed lines. */
export const MESSAGE_WIDTH = 140

/**
 * One artifact's result from the CLI's exit code and its JSON report (or undefined when stdout
 * did not parse). Evidence is dropped here, so nothing later can print it.
 * @param {{ name: string, kind: string, group?: string, exit: number | null, report?: any, stderr?: string, seconds?: number }} run
 * @returns {ArtifactResult}
 */
export function summarizeArtifact({
  name,
  kind,
  group = kind,
  exit,
  report,
  stderr = '',
  seconds,
}) {
  /** @type {Record<Severity, RuleCounts>} */
  const counts = { error: {}, warning: {}, notice: {} }
  /** @type {ArtifactResult} */
  const result = { name, kind, group, exit, counts }
  if (seconds !== undefined) result.seconds = seconds
  for (const f of report?.findings ?? []) {
    if (!SEVERITIES.includes(f.severity)) continue
    const bySeverity = counts[/** @type {Severity} */ (f.severity)]
    bySeverity[f.rule] = (bySeverity[f.rule] ?? 0) + 1
    if (f.severity === 'error' && !result.firstError)
      result.firstError = { rule: f.rule, file: f.file ?? '', message: f.message ?? '' }
  }
  const unreadable = (report?.artifacts ?? []).find((/** @type {any} */ a) => a.error)
  if (unreadable) result.problem = String(unreadable.error)
  else if (exit !== 0 && exit !== 1) result.problem = lastLine(stderr) || `exit ${exit}`
  return result
}

/** @param {string} text */
const lastLine = (text) => text.trim().split('\n').at(-1)?.trim() ?? ''

/**
 * @param {ArtifactResult[]} artifacts
 * @param {{ name: string, message: string }[]} [fetchErrors]
 * @param {string} [date]
 * @returns {Summary}
 */
export function summarize(artifacts, fetchErrors = [], date = new Date().toISOString()) {
  const sorted = [...artifacts].sort((a, b) => a.name.localeCompare(b.name))
  return { schemaVersion: 1, date, artifacts: sorted, fetchErrors }
}

/** @param {ArtifactResult} a */
export const fails = (a) => a.exit === 1

/**
 * Which rules cause the errors: per rule, the artifacts with at least one error of it and the
 * number of error findings, most artifacts first.
 * @param {ArtifactResult[]} artifacts
 * @returns {{ rule: string, artifacts: number, findings: number }[]}
 */
export function ruleTable(artifacts) {
  /** @type {Map<string, { rule: string, artifacts: number, findings: number }>} */
  const rows = new Map()
  for (const a of artifacts) {
    for (const [rule, n] of Object.entries(a.counts.error)) {
      const row = rows.get(rule) ?? { rule, artifacts: 0, findings: 0 }
      row.artifacts += 1
      row.findings += n
      rows.set(rule, row)
    }
  }
  return [...rows.values()].sort(
    (x, y) => y.artifacts - x.artifacts || y.findings - x.findings || x.rule.localeCompare(y.rule),
  )
}

/** @param {string} text @param {number} width */
export function truncate(text, width = MESSAGE_WIDTH) {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`
}

/** @param {RuleCounts} counts */
const ruleList = (counts) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, n]) => `${rule} x${n}`)
    .join(', ')

/**
 * A finding as one short line: the message, prefixed with the file when the message does not
 * name it.
 * @param {{ rule: string, file: string, message: string }} f
 */
const describe = (f) =>
  truncate(f.file && !f.message.includes(f.file) ? `${f.file}: ${f.message}` : f.message)

/**
 * The printed summary: totals, the rule table, one line per failing artifact, then the
 * artifacts that could not be read or fetched.
 * @param {Summary} summary
 * @returns {string[]}
 */
export function formatSummary(summary) {
  const all = summary.artifacts
  const failing = all.filter(fails)
  const unreadable = all.filter((a) => a.exit === 3)
  const other = all.filter((a) => ![0, 1, 3].includes(/** @type {number} */ (a.exit)))
  const lines = [
    `checked ${all.length} artifacts: ${failing.length} fail (exit 1), ` +
      `${unreadable.length} unreadable (exit 3), ${all.length - failing.length - unreadable.length - other.length} pass` +
      (other.length ? `, ${other.length} other` : ''),
  ]
  const groups = [...new Set(all.map((a) => a.group))].sort()
  lines.push(
    `by group: ${groups
      .map((g) => {
        const members = all.filter((a) => a.group === g)
        return `${g} ${members.filter(fails).length}/${members.length}`
      })
      .join(', ')}`,
  )
  const table = ruleTable(all)
  if (table.length) {
    const width = Math.max(4, ...table.map((r) => r.rule.length))
    lines.push('', `${'rule'.padEnd(width)}  artifacts  errors`)
    for (const r of table)
      lines.push(
        `${r.rule.padEnd(width)}  ${String(r.artifacts).padStart(9)}  ${String(r.findings).padStart(6)}`,
      )
  }
  if (failing.length) lines.push('', 'failing:')
  for (const a of failing) {
    lines.push(
      `  ${a.name}: ${ruleList(a.counts.error)}${a.firstError ? ` | ${describe(a.firstError)}` : ''}`,
    )
  }
  const broken = [...unreadable, ...other]
  if (broken.length) lines.push('', 'unreadable or not run:')
  for (const a of broken) lines.push(`  ${a.name} (exit ${a.exit}): ${truncate(a.problem ?? '')}`)
  if (summary.fetchErrors.length) lines.push('', 'could not fetch:')
  for (const e of summary.fetchErrors) lines.push(`  ${e.name}: ${truncate(e.message)}`)
  return lines
}

/**
 * @typedef {object} Comparison
 * @property {{ name: string, rules: string[] }[]} started artifacts that fail now and did not
 * @property {{ name: string, rules: string[] }[]} stopped artifacts that failed and do not now
 * @property {string[]} added artifacts only in the new run
 * @property {string[]} removed artifacts only in the old run
 * @property {{ rule: string, before: number, after: number, gained: string[], lost: string[] }[]} rules
 *   per rule with a change: artifacts with an error of it before and after, and which changed
 */

/**
 * What changed between two runs. Artifacts are matched by name; the rule counts compare only
 * artifacts present in both runs, so a longer list does not read as a regression.
 * @param {Summary} before
 * @param {Summary} after
 * @returns {Comparison}
 */
export function compare(before, after) {
  const old = new Map(before.artifacts.map((a) => [a.name, a]))
  const now = new Map(after.artifacts.map((a) => [a.name, a]))
  const both = [...now.keys()].filter((n) => old.has(n)).sort()
  const errorRules = (/** @type {ArtifactResult} */ a) => Object.keys(a.counts.error).sort()
  /** @type {Comparison} */
  const result = {
    started: [],
    stopped: [],
    added: [...now.keys()].filter((n) => !old.has(n)).sort(),
    removed: [...old.keys()].filter((n) => !now.has(n)).sort(),
    rules: [],
  }
  /** @type {Map<string, { rule: string, before: number, after: number, gained: string[], lost: string[] }>} */
  const rules = new Map()
  const row = (/** @type {string} */ rule) => {
    const r = rules.get(rule) ?? { rule, before: 0, after: 0, gained: [], lost: [] }
    rules.set(rule, r)
    return r
  }
  for (const name of both) {
    const a = /** @type {ArtifactResult} */ (old.get(name))
    const b = /** @type {ArtifactResult} */ (now.get(name))
    if (fails(b) && !fails(a)) result.started.push({ name, rules: errorRules(b) })
    if (fails(a) && !fails(b)) result.stopped.push({ name, rules: errorRules(a) })
    const was = new Set(errorRules(a))
    const is = new Set(errorRules(b))
    for (const rule of was) row(rule).before += 1
    for (const rule of is) row(rule).after += 1
    for (const rule of is) if (!was.has(rule)) row(rule).gained.push(name)
    for (const rule of was) if (!is.has(rule)) row(rule).lost.push(name)
  }
  result.rules = [...rules.values()]
    .filter((r) => r.gained.length || r.lost.length)
    .sort((x, y) => x.rule.localeCompare(y.rule))
  return result
}

/**
 * @param {Comparison} c
 * @returns {string[]}
 */
export function formatComparison(c) {
  const lines = []
  const list = (/** @type {string} */ title, /** @type {string[]} */ items) => {
    if (items.length) lines.push(`${title} (${items.length}):`, ...items.map((i) => `  ${i}`))
  }
  list(
    'started failing',
    c.started.map((s) => `${s.name}: ${s.rules.join(', ')}`),
  )
  list(
    'stopped failing',
    c.stopped.map((s) => `${s.name}: was ${s.rules.join(', ')}`),
  )
  for (const r of c.rules) {
    lines.push(`${r.rule}: ${r.before} -> ${r.after} artifacts`)
    if (r.gained.length) lines.push(`  + ${r.gained.join(', ')}`)
    if (r.lost.length) lines.push(`  - ${r.lost.join(', ')}`)
  }
  list('only in the new run', c.added)
  list('only in the old run', c.removed)
  if (!lines.length) lines.push('no change in which artifacts fail or why')
  return lines
}
