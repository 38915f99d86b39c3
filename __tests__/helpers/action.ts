import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ACTION } from './run.js'

export interface ActionRun {
  status: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
}

/** Runs dist/index.js as the runner does: INPUT_* env, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. */
export async function runAction(
  workspace: string,
  inputs: Record<string, string>,
): Promise<ActionRun> {
  const outputFile = join(workspace, '.gh-output')
  const summaryFile = join(workspace, '.gh-summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: workspace,
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const r = spawnSync(process.execPath, [ACTION], { cwd: workspace, env, encoding: 'utf8' })
  return {
    status: r.status,
    stdout: r.stdout,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  }
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1]] = m[3]
  return out
}
