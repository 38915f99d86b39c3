import { resolve } from 'node:path'
import type { Config } from './config/types.js'
import type { Finding } from './findings.js'
import { fails, finalize, toFinding } from './pipeline.js'
import { FAMILIES } from './rules/registry.js'
import type { EntrySummary, RawFinding, RuleContext } from './rules/types.js'
import type { ArtifactReport, FailOn, Report } from './report/types.js'
import { Budget, LimitExceeded } from './sources/limits.js'
import { openNested } from './sources/nested.js'
import { openArtifact, type OpenOptions } from './sources/open.js'
import { ArtifactError, type Entry, type OpenedArtifact } from './sources/types.js'
import { TOOL_NAME, VERSION } from './version.js'

export interface CheckOptions {
  /** Folder that relative artifact paths are read from. */
  cwd: string
  /** Artifact paths as the user gave them, already expanded from globs. */
  artifacts: string[]
  config: Config
  failOn: FailOn
  /** Read npm package folders as `npm pack` would publish them. */
  pack: boolean
}

export interface CheckDeps {
  open(path: string, opts: OpenOptions): Promise<OpenedArtifact>
}

/** Reads every artifact, runs every rule, and returns the report. No process, env or console access. */
export async function check(
  options: CheckOptions,
  deps: CheckDeps = { open: openArtifact },
): Promise<Report> {
  const artifacts: ArtifactReport[] = []
  const all: Finding[] = []
  for (const path of options.artifacts) {
    const { report, findings } = await checkArtifact(path, options, deps)
    artifacts.push(report)
    all.push(...findings)
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
): Promise<{ report: ArtifactReport; findings: Finding[] }> {
  const raws: RawFinding[] = []
  const ctx: RuleContext = { artifact: path, config: options.config, report: (r) => raws.push(r) }
  const visitors = FAMILIES.map((f) => f.create(ctx))
  const entries: EntrySummary[] = []
  const report: ArtifactReport = { path, files: 0, bytes: 0 }
  const limits = options.config.safety

  // Each entry is seen by every rule, then opened if it is itself an archive (depth-limited).
  const visit = async (e: Entry, budget: Budget): Promise<void> => {
    const depth = e.depth ?? 0
    if (depth === 0) {
      entries.push({ path: e.path, rawPath: e.rawPath, type: e.type, mode: e.mode, size: e.size })
      if (e.type === 'file') {
        report.files++
        report.bytes += e.size
      }
    }
    for (const v of visitors) v.entry?.(e)
    const inner = e.type === 'file' ? openNested(e, budget) : undefined
    if (!inner) return
    if (depth >= limits.maxDepth) {
      raws.push({
        rule: 'archive/limit-exceeded',
        file: e.path,
        message: `${e.path} is an archive nested deeper than max-depth ${limits.maxDepth}; its content was not checked`,
      })
      return
    }
    try {
      for await (const ie of inner) await visit(ie, budget)
    } catch (err) {
      if (!(err instanceof ArtifactError)) throw err
      raws.push({
        rule: 'archive/unreadable-entry',
        file: e.path,
        message: `nested archive ${e.path} cannot be read completely (${err.cause_}); its content was not checked`,
      })
    }
  }

  try {
    const opened = await deps.open(resolve(options.cwd, path), { limits, pack: options.pack })
    report.format = opened.format
    for await (const e of opened.entries) await visit(e, opened.budget)
  } catch (err) {
    if (err instanceof LimitExceeded) {
      raws.push({
        rule: 'archive/limit-exceeded',
        file: err.file,
        message: `${err.message}; the rest of the artifact was not checked`,
        key: err.limit,
      })
    } else {
      report.error =
        err instanceof ArtifactError ? err.cause_ : `unreadable: ${(err as Error).message}`
    }
  }
  if (!report.error) for (const v of visitors) v.end?.(entries)
  const findings = raws.flatMap((r) => toFinding(r, path, options.config) ?? [])
  return { report, findings }
}
