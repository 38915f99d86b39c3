import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { check } from './check.js'
import { realDeps } from './deps.js'
import { serializeManifest } from './drift/manifest.js'
import { ConfigError, EXIT, exitCode, UsageError } from './errors.js'
import { pullRequestFromEnv, runUrlFromEnv, upsertComment } from './github/comment.js'
import { uploadReport } from './github/upload.js'
import { resolveOptions } from './options.js'
import { renderAnnotations } from './report/annotations.js'
import { renderComment } from './report/comment-body.js'
import { renderJson } from './report/json.js'
import { renderMarkdown } from './report/markdown.js'
import { renderSarif } from './report/sarif.js'
import { printable } from './report/escape.js'
import type { Report } from './report/types.js'

/** The Action adapter: inputs -> check() -> outputs, files, summary, annotations, exit status. */
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
    // Raw secret values go to the runner's masking, so no later log line can show them.
    const deps = { ...realDeps(cwd, process.env), mask: (value: string) => core.setSecret(value) }
    const report = await check(options, deps)
    const written = await writeReports(report, cwd)
    // Neither the upload nor the comment can change the verdict: each only warns when it fails.
    if (core.getBooleanInput('upload-report')) await uploadFiles(written)
    if (core.getBooleanInput('comment')) await comment(report)
    const unreadable = report.artifacts.filter((a) => a.error)
    for (const a of unreadable) {
      core.error(printable(`${a.path}: ${a.error}`), {
        title: 'packguard: artifact not read completely',
      })
    }
    annotate(report, cwd, unreadable.length)
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderMarkdown(report)).write()
    // The verdict is a log line, not one more annotation: the runner shows only 10 per type.
    core.info(verdict(report))
    process.exitCode = exitCode(report)
  } catch (err) {
    const usage = err instanceof UsageError || err instanceof ConfigError
    core.setFailed(
      printable(
        usage ? (err as Error).message : `packguard internal error: ${(err as Error).stack}`,
      ),
    )
    process.exitCode = usage ? EXIT.usage : EXIT.unreadable
  }
}

/** Writes the JSON report, the SARIF file and any proposed lockfile; sets their outputs. */
async function writeReports(report: Report, cwd: string): Promise<string[]> {
  const reportFile = resolve(
    cwd,
    core.getInput('report-file') || join(process.env.RUNNER_TEMP || cwd, 'packguard-report.json'),
  )
  await writeFile(reportFile, renderJson(report))
  core.setOutput('result', report.result)
  core.setOutput('findings', report.findings.length)
  core.setOutput('errors', report.counts.error)
  core.setOutput('warnings', report.counts.warning)
  core.setOutput('report', reportFile)
  core.setOutput(
    'drifts',
    report.findings.filter(
      (f) => f.rule.startsWith('drift/') && f.rule !== 'drift/baseline-missing',
    ).length,
  )
  const written = [reportFile]
  const sarifFile = core.getInput('sarif-file')
  if (sarifFile) {
    const full = resolve(cwd, sarifFile)
    await writeFile(full, renderSarif(report, { category: 'packguard' }))
    core.setOutput('sarif-file', full)
    written.push(full)
  }
  const lock = report.artifacts[0]?.lockfile
  if (lock?.changed) {
    const file = join(dirname(reportFile), 'packguard.lock.json')
    await writeFile(file, serializeManifest(lock.proposed))
    core.setOutput('lockfile', file)
    core.info(
      `The artifact differs from ${lock.path}. If the change is intended, commit ${file} as ${lock.path}.`,
    )
    written.push(file)
  }
  return written
}

/** Uploads the report files as one artifact, named uniquely per job (and matrix leg). */
async function uploadFiles(files: string[]): Promise<void> {
  const suffix = [process.env.GITHUB_JOB, core.getInput('artifact-suffix')]
    .filter(Boolean)
    .join('-')
  const name = `packguard-report${suffix ? `-${suffix}` : ''}`
  const res = await uploadReport({ name, files, rootDirectory: commonDir(files), env: process.env })
  if (!res.uploaded) {
    core.warning(printable(res.warning))
    return
  }
  core.setOutput('report-artifact', res.name)
  core.info(`Uploaded the report as the artifact ${res.name}`)
}

function commonDir(files: string[]): string {
  let dir = dirname(files[0])
  while (files.some((f) => relative(dir, f).startsWith('..'))) dir = dirname(dir)
  return dir
}

/** Posts the verdict on the pull request, updating packguard's earlier comment. */
async function comment(report: Report): Promise<void> {
  const pr = await pullRequestFromEnv(process.env)
  if (!pr) {
    core.info('Not a pull_request run: no comment posted.')
    return
  }
  const res = await upsertComment({
    token: core.getInput('github-token'),
    owner: pr.owner,
    repo: pr.repo,
    issueNumber: pr.number,
    body: renderComment(report, { runUrl: runUrlFromEnv(process.env) }),
    apiUrl: process.env.GITHUB_API_URL,
  })
  if (res.warning) core.warning(printable(res.warning))
  else core.info(`Pull request comment ${res.action}.`)
}

function annotate(report: Report, cwd: string, errorsUsed: number): void {
  const folders = new Set(
    report.artifacts.filter((a) => a.format?.endsWith('directory')).map((a) => a.path),
  )
  const localFile = (artifact: string, file: string) => {
    if (!folders.has(artifact)) return undefined
    const rel = relative(cwd, resolve(cwd, artifact, file))
    return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel
  }
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
