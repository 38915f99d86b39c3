import { resolve } from 'node:path'
import { sizeBreakdown } from './breakdown.js'
import type { Config } from './config/types.js'
import {
  loadDriftContext,
  type DriftContext,
  type DriftOptions,
  type FetchedBaseline,
} from './drift/context.js'
import { buildManifest, serializeManifest } from './drift/manifest.js'
import type { Finding, RawFinding } from './findings.js'
import { fails, finalize, secretFreeTexts, toFinding } from './pipeline.js'
import { readArtifact } from './sources/read-artifact.js'
import { readProblemFinding } from './rules/archive.js'
import { FAMILIES } from './rules/registry.js'
import { localHost, type ScannerHost } from './rules/secrets/engine/service.js'
import { secretScan } from './rules/secrets/scan.js'
import type { RuleContext } from './rules/types.js'
import type { ArtifactReport, FailOn, Report } from './report/types.js'
import { openArtifact, type OpenOptions } from './sources/open.js'
import type { OpenedArtifact } from './sources/types.js'
import { TOOL_NAME, VERSION } from './version.js'
import { append } from './append.js'

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
      append(all, findings)
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
  append(raws, read.problems.map(readProblemFinding))
  // A token used as a folder name must not reach any output whole (see secretFreeTexts).
  const redactText = (text: string) => secretScan.redactText(text)
  const folders = (files: Parameters<typeof sizeBreakdown>[0]) =>
    sizeBreakdown(files).map((b) => ({ ...b, folder: redactText(b.folder) }))
  const report: ArtifactReport = { path, files: read.files, bytes: read.bytes }
  if (read.format) report.format = read.format
  if (read.error) report.error = redactText(read.error)
  else report.breakdown = folders(read.entries)
  let against: DriftContext | undefined
  if (!read.error && drift) {
    try {
      against = await loadDriftContext(read, drift, {
        cwd: options.cwd,
        limits: options.config.safety,
        pack: options.pack,
        open: deps.open,
        fetchBaseline: deps.fetchBaseline,
      })
    } catch (err) {
      report.error = redactText((err as Error).message)
    }
    if (against?.against.length)
      report.comparedWith = against.against.map((a) =>
        redactText(a.kind === 'lockfile' ? `the lockfile ${a.label}` : a.label),
      )
    const baseline = against?.against.find((a) => a.kind === 'baseline')
    if (baseline) report.baselineBreakdown = folders(baseline.manifest.files)
    if (drift.lockfile) {
      const proposed = buildManifest(read.entries, read.format)
      const changed =
        !drift.lockfile.manifest ||
        serializeManifest(drift.lockfile.manifest) !== serializeManifest(proposed)
      // The proposed lockfile is printed in the JSON report and written by --update-lockfile:
      // a token used as a name is redacted there too (the run fails on it anyway).
      const files = proposed.files.map((f) => ({ ...f, path: redactText(f.path) }))
      report.lockfile = { path: drift.lockfile.path, changed, proposed: { ...proposed, files } }
    }
  }
  if (!report.error)
    for (const v of visitors) v.end?.(read.entries, { format: read.format, drift: against })
  const secretFree = secretFreeTexts(redactText)
  const findings = raws.flatMap((r) => toFinding(secretFree(r), path, options.config) ?? [])
  return { report, findings }
}
