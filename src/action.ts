import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { check } from './check.js'
import { realDeps } from './deps.js'
import { serializeManifest } from './drift/manifest.js'
import { exitCode } from './cli.js'
import { ConfigError, EXIT, UsageError } from './errors.js'
import { resolveOptions } from './options.js'
import { renderAnnotations } from './report/annotations.js'
import { renderJson } from './report/json.js'
import { renderMarkdown } from './report/markdown.js'
import type { Report } from './report/types.js'

/** The Action adapter: inputs -> check() -> outputs, summary, annotations, exit status. */
export async function run(): Promise<void> {
  try {
    const cwd = process.env.GITHUB_WORKSPACE || process.cwd()
    const options = await resolveOptions({
      cwd,
      paths: core.getInput('path').split('\n'),
      config: core.getInput('config'),
      failOn: core.getInput('fail-on'),
      lockfile: core.getInput('lockfile'),
      baseline: core.getInput('baseline'),
      expectVersion: core.getInput('expect-version'),
      ref: process.env.GITHUB_REF,
    })
    const report = await check(options, realDeps(cwd, process.env))
    const reportFile = resolve(
      cwd,
      core.getInput('report-file') || join(process.env.RUNNER_TEMP || cwd, 'packguard-report.json'),
    )
    await writeFile(reportFile, renderJson(report))
    setOutputs(report, reportFile)
    await proposeLockfile(report, reportFile)
    const unreadable = report.artifacts.filter((a) => a.error)
    for (const a of unreadable)
      core.error(`${a.path}: ${a.error}`, { title: 'packguard: artifact not read completely' })
    annotate(report, cwd, unreadable.length)
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderMarkdown(report)).write()
    // The verdict is a log line, not one more annotation: the runner shows only 10 per type.
    core.info(verdict(report))
    process.exitCode = exitCode(report)
  } catch (err) {
    const usage = err instanceof UsageError || err instanceof ConfigError
    core.setFailed(
      usage ? (err as Error).message : `packguard internal error: ${(err as Error).stack}`,
    )
    process.exitCode = usage ? EXIT.usage : EXIT.unreadable
  }
}

function setOutputs(report: Report, reportFile: string): void {
  core.setOutput('result', report.result)
  core.setOutput('findings', report.findings.length)
  core.setOutput('errors', report.counts.error)
  core.setOutput('warnings', report.counts.warning)
  core.setOutput('report', reportFile)
  core.setOutput(
    'drifts',
    report.findings.filter((f) => f.category === 'drift' && f.rule.startsWith('drift/')).length,
  )
}

/** When the artifact differs from its lockfile, writes the proposed one next to the report. */
async function proposeLockfile(report: Report, reportFile: string): Promise<void> {
  const lock = report.artifacts[0]?.lockfile
  if (!lock?.changed) return
  const file = join(dirname(reportFile), 'packguard.lock.json')
  await writeFile(file, serializeManifest(lock.proposed))
  core.setOutput('lockfile', file)
  core.info(
    `The artifact differs from ${lock.path}. If the change is intended, commit ${file} as ${lock.path}.`,
  )
}

function annotate(report: Report, cwd: string, errorsUsed: number): void {
  const local = (artifact: string, file: string) => {
    const full = resolve(cwd, artifact, file)
    const rel = relative(cwd, full)
    return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel
  }
  const folders = new Set(
    report.artifacts.filter((a) => a.format?.endsWith('directory')).map((a) => a.path),
  )
  const localFile = (artifact: string, file: string) =>
    folders.has(artifact) ? local(artifact, file) : undefined
  for (const a of renderAnnotations(report, localFile, { error: errorsUsed })) {
    const props = { title: a.title, file: a.file, startLine: a.line, startColumn: a.column }
    if (a.severity === 'error') core.error(a.message, props)
    else if (a.severity === 'warning') core.warning(a.message, props)
    else core.notice(a.message, props)
  }
}

function verdict(report: Report): string {
  const { error, warning, notice } = report.counts
  return `packguard: ${report.result} (${error} error(s), ${warning} warning(s), ${notice} notice(s); fail-on: ${report.failOn})`
}
