import { resolve } from 'node:path'
import { sizeBreakdown } from './breakdown.js'
import type { Config } from './config/types.js'
import { type DriftSettings } from './drift/diff.js'
import { buildManifest, serializeManifest, type Manifest } from './drift/manifest.js'
import type { Finding, RawFinding } from './findings.js'
import { fails, finalize, toFinding } from './pipeline.js'
import { readArtifact, type ReadResult } from './read-artifact.js'
import { FAMILIES } from './rules/registry.js'
import { localHost, type ScannerHost } from './rules/secrets/engine/service.js'
import { secretScan } from './rules/secrets/scan.js'
import type { DriftContext, RuleContext } from './rules/types.js'
import type { ArtifactReport, FailOn, Report } from './report/types.js'
import { openArtifact, type OpenOptions } from './sources/open.js'
import type { OpenedArtifact } from './sources/types.js'
import { TOOL_NAME, VERSION } from './version.js'

/** What to compare the artifact with. */
export interface DriftOptions {
  settings: DriftSettings
  /** The committed lockfile, as named by the user; `manifest` is absent when it does not exist yet. */
  lockfile?: { path: string; manifest?: Manifest }
  /** Rewrite the lockfile instead of reporting drift from it. */
  updateLockfile?: boolean
  /** A baseline artifact: a path, or an npm spec (`npm:previous`, `npm:name@version`). */
  baseline?: string
}

export interface CheckOptions {
  /** Folder that relative artifact paths are read from. */
  cwd: string
  /** Artifact paths as the user gave them, already expanded from globs. */
  artifacts: string[]
  config: Config
  failOn: FailOn
  /** Read npm package folders as `npm pack` would publish them. */
  pack: boolean
  drift?: DriftOptions
  /** The version the release is tagged with (from the tag or --expect-version). */
  expectVersion?: string
}

export type FetchedBaseline =
  { kind: 'found'; path: string; label: string } | { kind: 'not-found'; reason: string }

export interface CheckDeps {
  open(path: string, opts: OpenOptions): Promise<OpenedArtifact>
  /** Fetches an npm baseline (`npm:...`) for the package being checked. */
  fetchBaseline?(spec: string, pkg: { name?: string; version?: string }): Promise<FetchedBaseline>
  /** Registers a raw secret value with log masking (the Action's runner). */
  mask?(value: string): void
  /** Starts where secret scanning runs for this check (a worker thread); this thread if absent. */
  scanner?(): ScannerHost
}

/** Reads every artifact, runs every rule, and returns the report. No process, env or console access. */
export async function check(
  options: CheckOptions,
  deps: CheckDeps = { open: openArtifact },
): Promise<Report> {
  const artifacts: ArtifactReport[] = []
  const all: Finding[] = []
  const scanner = deps.scanner?.() ?? localHost(secretScan)
  try {
    for (const path of options.artifacts) {
      const { report, findings } = await checkArtifact(path, options, deps, scanner)
      artifacts.push(report)
      all.push(...findings)
    }
  } finally {
    await scanner.close()
  }
  const { findings, suppressed } = finalize(all, options.config)
  const failed = artifacts.some((a) => a.error) || findings.some((f) => fails(f, options.failOn))
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    result: failed ? 'fail' : 'pass',
    failOn: options.failOn,
    artifacts,
    findings,
    suppressed,
    counts: {
      error: findings.filter((f) => f.severity === 'error').length,
      warning: findings.filter((f) => f.severity === 'warning').length,
      notice: findings.filter((f) => f.severity === 'notice').length,
    },
  }
}

async function checkArtifact(
  path: string,
  options: CheckOptions,
  deps: CheckDeps,
  scanner: ScannerHost,
): Promise<{ report: ArtifactReport; findings: Finding[] }> {
  const raws: RawFinding[] = []
  const collect = (r: RawFinding) => raws.push(r)
  const secrets = scanner.open(collect, deps.mask)
  const ctx: RuleContext = {
    artifact: path,
    config: options.config,
    report: collect,
    expectVersion: options.expectVersion,
    mask: deps.mask,
    secrets,
  }
  const visitors = FAMILIES.map((f) => f.create(ctx))
  const drift = options.drift
  const read = await readArtifact(
    resolve(options.cwd, path),
    {
      open: deps.open,
      limits: options.config.safety,
      pack: options.pack,
      hash: Boolean(drift?.lockfile || drift?.settings.content),
    },
    {
      stream: (e) => visitors.flatMap((v) => v.stream?.(e) ?? []),
      entry: (e) => {
        for (const v of visitors) v.entry?.(e)
      },
      ready: () => secrets.ready(),
    },
  )
  await secrets.settle()
  raws.push(...read.problems)
  const report: ArtifactReport = { path, files: read.files, bytes: read.bytes }
  if (read.format) report.format = read.format
  if (read.error) report.error = read.error
  else report.breakdown = sizeBreakdown(read.entries)
  if (!read.error && drift) {
    try {
      ctx.drift = await driftContext(read, drift, options, deps, raws)
    } catch (err) {
      report.error = (err as Error).message
    }
    const baseline = ctx.drift?.against.find((a) => a.kind === 'baseline')
    if (baseline) report.baselineBreakdown = sizeBreakdown(baseline.manifest.files)
    if (drift.lockfile) {
      const proposed = buildManifest(read.entries, read.format)
      const changed =
        !drift.lockfile.manifest ||
        serializeManifest(drift.lockfile.manifest) !== serializeManifest(proposed)
      report.lockfile = { path: drift.lockfile.path, changed, proposed }
    }
  }
  if (!report.error) for (const v of visitors) v.end?.(read.entries)
  const findings = raws.flatMap((r) => toFinding(r, path, options.config) ?? [])
  return { report, findings }
}

/** Loads what the artifact is compared with: the lockfile, and the baseline read like any artifact. */
async function driftContext(
  read: ReadResult,
  drift: DriftOptions,
  options: CheckOptions,
  deps: CheckDeps,
  raws: RawFinding[],
): Promise<DriftContext | undefined> {
  const against: DriftContext['against'] = []
  if (drift.lockfile?.manifest && !drift.updateLockfile) {
    against.push({
      kind: 'lockfile',
      label: drift.lockfile.path,
      manifest: drift.lockfile.manifest,
    })
  }
  if (drift.baseline) {
    const baseline = await locateBaseline(drift.baseline, read, options, deps)
    if (baseline.kind === 'not-found') {
      raws.push({
        rule: 'drift/baseline-missing',
        file: '',
        message: `no baseline to compare with: ${baseline.reason}`,
      })
    } else {
      const base = await readArtifact(baseline.path, {
        open: deps.open,
        limits: options.config.safety,
        pack: options.pack,
        hash: drift.settings.content,
      })
      if (base.error) throw new Error(`baseline ${baseline.label}: ${base.error}`)
      against.push({
        kind: 'baseline',
        label: baseline.label,
        manifest: buildManifest(base.entries, base.format),
      })
    }
  }
  return against.length ? { against, settings: drift.settings } : undefined
}

async function locateBaseline(
  spec: string,
  read: ReadResult,
  options: CheckOptions,
  deps: CheckDeps,
): Promise<FetchedBaseline> {
  if (!spec.startsWith('npm:'))
    return { kind: 'found', path: resolve(options.cwd, spec), label: `the baseline ${spec}` }
  if (!deps.fetchBaseline) throw new Error(`baseline ${spec}: npm baselines are not available here`)
  let pkg: { name?: string; version?: string } = {}
  try {
    pkg = read.packageJson ? JSON.parse(read.packageJson) : {}
  } catch {
    // A package.json that does not parse has no name: npm:previous then says so.
  }
  return deps.fetchBaseline(spec, { name: pkg.name, version: pkg.version })
}
