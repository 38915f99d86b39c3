import { severityRank, type Category, type Finding, type Severity } from '../findings.js'
import { DOCS_BASE, RULES, docsUrl } from '../rules/registry.js'
import type { RuleMeta } from '../rules/types.js'
import { printable } from './escape.js'
import type { ArtifactReport, Report } from './types.js'

/** The schema the output is checked against (vendored as schemas/sarif-2.1.0.json). */
export const SARIF_SCHEMA =
  'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json'

/** Key of our own fingerprint in `partialFingerprints`; bump the version if its inputs change. */
export const FINGERPRINT_KEY = 'packguardFingerprint/v1'

/**
 * `security-severity` of a rule (0.0-10.0), by category and by the severity the rule has in this
 * run (its most severe result, else its preset default). GitHub reads >= 9.0 as critical,
 * 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. Leaks are what this tool exists for; unsafe archive
 * entries come next; drift and policy findings are release-process problems, rated lowest.
 */
export const SECURITY_SEVERITY: Record<Category, Record<Severity, string>> = {
  leak: { error: '9.0', warning: '6.5', notice: '3.0' },
  archive: { error: '8.0', warning: '5.5', notice: '2.5' },
  drift: { error: '5.0', warning: '3.5', notice: '1.5' },
  policy: { error: '4.0', warning: '3.0', notice: '1.0' },
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
}

const FIX: Record<Category, string> = {
  leak: 'Keep it out of the package (the `files` list, `.npmignore`, the build config) and rebuild; rotate any credential that was already published.',
  archive:
    'Rebuild the archive with the usual packing tool (`npm pack`, `python -m build`) from a clean folder.',
  drift:
    'If the change is a mistake, rebuild with the release process; if it is intended, refresh the lockfile (`--update-lockfile`) or the baseline in a reviewed commit.',
  policy:
    'Change the package or its metadata to meet the policy, or change the policy in the config.',
}

const CONTENT_FIX =
  'Remove the text from the shipped files, or keep those files out of the package, and rebuild; narrow the rule with `files:` under `content:` if it matches too much.'

export interface SarifOptions {
  /** The rule catalog; the registry by default (tests pass a fixed one for stable golden files). */
  rules?: ReadonlyMap<string, RuleMeta>
  /** `automationDetails.id` category, e.g. `packguard/npm`, so several uploads do not replace each other. */
  category?: string
}

type Result = Finding & { reason?: string }

/**
 * The most results written: GitHub code scanning keeps the 5,000 most severe of a run (and
 * rejects a run past 25,000 or a file past 10 MB). The most severe findings come first, then
 * the suppressed ones; the JSON report keeps every finding.
 */
export const MAX_SARIF_RESULTS = 5_000

/**
 * SARIF 2.1.0 for code scanning: one run, a descriptor for every registered rule (plus rules such
 * as `content/<name>` that only the findings name), one result per finding, suppressed findings
 * included with an external suppression. Pure; returns pretty JSON with a trailing newline.
 */
export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const catalog = options.rules ?? RULES
  const every: Result[] = [...report.findings, ...report.suppressed]
  const all = every.slice(0, MAX_SARIF_RESULTS)
  const omitted = every.length - all.length
  const metas = [...catalog.values()]
  const extra = new Map<string, RuleMeta>()
  for (const f of all)
    if (!catalog.has(f.rule) && !extra.has(f.rule)) extra.set(f.rule, metaFromFinding(f))
  metas.push(...[...extra.values()].sort((a, b) => (a.id < b.id ? -1 : 1)))
  const index = new Map(metas.map((m, i) => [m.id, i]))
  const worst = new Map<string, Severity>()
  for (const f of all) {
    const w = worst.get(f.rule)
    if (!w || severityRank(f.severity) > severityRank(w)) worst.set(f.rule, f.severity)
  }
  const byPath = new Map(report.artifacts.map((a) => [a.path, a]))
  const unreadable = report.artifacts.filter((a) => a.error)
  const notifications = unreadable.map((a) => ({
    level: 'error',
    message: { text: printable(`${a.path}: could not be read completely: ${a.error}`) },
    locations: [{ physicalLocation: { artifactLocation: artifactUri(a.path) } }],
  }))
  if (omitted > 0)
    notifications.push({
      level: 'warning',
      message: {
        text: `${omitted} more result(s) not included: code scanning keeps at most ${MAX_SARIF_RESULTS} per run, the most severe first; the JSON report lists every finding`,
      },
      locations: [],
    })
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        informationUri: DOCS_BASE.replace(/\/blob\/.*$/, ''),
        rules: metas.map((m) => descriptor(m, worst.get(m.id))),
      },
    },
    invocations: [
      {
        executionSuccessful: unreadable.length === 0,
        ...(notifications.length && { toolExecutionNotifications: notifications }),
      },
    ],
    artifacts: report.artifacts.map((a) => ({
      location: artifactUri(a.path),
      roles: ['analysisTarget'],
      properties: { format: a.format ?? 'unknown', files: a.files, bytes: a.bytes },
    })),
    results: all.map((f) => result(f, index.get(f.rule) ?? 0, byPath.get(f.artifact))),
    columnKind: 'utf16CodeUnits',
    properties: {
      result: report.result,
      failOn: report.failOn,
      ...(omitted > 0 && { omittedResults: omitted }),
    },
  }
  if (options.category) run.automationDetails = { id: options.category.replace(/\/?$/, '/') }
  const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }
  return `${JSON.stringify(log, null, 2)}\n`
}

/** A descriptor for a rule only the findings name (`content/<name>`, or a family not yet registered). */
function metaFromFinding(f: Finding): RuleMeta {
  const content = /^content\/(.+)$/.exec(f.rule)
  return {
    id: f.rule,
    category: f.category,
    severity: f.severity,
    description: content
      ? `Text matches the content rule '${content[1]}' declared under \`content:\` in the packguard config.`
      : `Reported by the packguard rule ${f.rule}.`,
  }
}

function descriptor(m: RuleMeta, seen: Severity | undefined) {
  const plain = m.description.replace(/`/g, '')
  const security = m.category === 'leak' || m.category === 'archive'
  const effective = seen ?? (m.severity === 'off' ? 'notice' : m.severity)
  const how = howToConfigure(m.id)
  const fix = m.id.startsWith('content/') ? CONTENT_FIX : FIX[m.category]
  return {
    id: m.id,
    name: m.id
      .split(/[^a-zA-Z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(''),
    // The first clause; split before backticks go, so `content:` is not a clause end.
    shortDescription: {
      text: m.description
        .split(/[;:]\s/)[0]
        .replace(/`/g, '')
        .replace(/\.$/, ''),
    },
    fullDescription: { text: plain },
    defaultConfiguration: m.severity === 'off' ? { enabled: false } : { level: LEVEL[m.severity] },
    help: {
      text: `${plain}\n\nFix: ${fix.replace(/`/g, '')}\n\n${how.text}\n\n${docsUrl(m.id)}`,
      markdown: `${m.description}\n\n**Fix:** ${fix}\n\n${how.markdown}\n\n[Rule documentation](${docsUrl(m.id)})`,
    },
    helpUri: docsUrl(m.id),
    properties: {
      tags: security ? ['security', m.category] : [m.category],
      'security-severity': SECURITY_SEVERITY[m.category][effective],
    },
  }
}

function howToConfigure(id: string): { text: string; markdown: string } {
  const code = id.replace(/`/g, '')
  const yaml = [
    'rules:',
    `  ${code}: off        # or notice, warning, error`,
    'ignore:',
    `  - rule: ${code}`,
    '    path: dist/some-file.js   # optional glob',
    '    reason: why this is fine  # required',
  ].join('\n')
  const lead =
    'If it is intended, turn the rule off or change its severity under `rules:` in .github/packguard.yml, or accept single files with an `ignore:` entry (rule, path glob, reason):'
  return {
    text: `${lead.replace(/`/g, '')}\n\n${yaml}`,
    markdown: `${lead}\n\n\`\`\`yaml\n${yaml}\n\`\`\``,
  }
}

function result(f: Result, ruleIndex: number, artifact: ArtifactReport | undefined) {
  const [outer, ...nested] = f.file.split(/!(?=\/|sources\[)/)
  const inFolder = Boolean(artifact?.format?.endsWith('directory'))
  const local = inFolder && f.file !== ''
  // A line only makes sense where the location is the very file it counts in: a file of a folder.
  const region =
    local && nested.length === 0 && f.line
      ? { region: { startLine: f.line, ...(f.column && { startColumn: f.column }) } }
      : {}
  const location = {
    physicalLocation: {
      artifactLocation: artifactUri(local ? joinPath(f.artifact, outer) : f.artifact),
      ...region,
    },
    ...(f.file && {
      logicalLocations: [
        {
          name: printable(f.file),
          fullyQualifiedName: printable(
            inFolder ? joinPath(f.artifact, f.file) : `${f.artifact}!/${f.file}`,
          ),
          kind: 'file',
        },
      ],
    }),
  }
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: printable(f.message) },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.reason !== undefined && {
      suppressions: [{ kind: 'external', justification: printable(f.reason) }],
    }),
    properties: {
      category: f.category,
      artifact: printable(f.artifact),
      ...(f.file && { pathInArtifact: printable(f.file) }),
      ...(f.line && !region.region && { line: f.line, ...(f.column && { column: f.column }) }),
    },
  }
}

function joinPath(dir: string, file: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/${file}`
}

/** A relative path becomes a `%SRCROOT%`-relative URI (forward slashes, each segment escaped). */
function artifactUri(path: string): { uri: string; uriBaseId?: string } {
  const slashed = path.replace(/\\/g, '/')
  const absolute = /^(\/|[a-zA-Z]:\/)/.test(slashed)
  const segments = slashed.split('/').filter((s, i) => s !== '.' && (s !== '' || i === 0))
  const uri = segments.map((s) => (/^[a-zA-Z]:$/.test(s) ? s : encodeURIComponent(s))).join('/')
  if (absolute) return { uri: `file://${uri.startsWith('/') ? '' : '/'}${uri}` }
  return { uri: uri || '.', uriBaseId: '%SRCROOT%' }
}
