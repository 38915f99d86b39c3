import { execFile } from 'node:child_process'
import { parse } from 'yaml'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ACTION, ROOT } from './run.js'

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
  extraEnv: Record<string, string> = {},
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
  // The runner gives every input its action.yml default (expressions such as github.token aside).
  for (const [k, v] of Object.entries(await defaults())) env[`INPUT_${k.toUpperCase()}`] = v
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  Object.assign(env, extraEnv)
  // Asynchronous, so that servers the test runs in this process (a fake GitHub API) can answer.
  const r = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
    execFile(process.execPath, [ACTION], { cwd: workspace, env, encoding: 'utf8' }, (err, stdout) =>
      resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout }),
    )
  })
  return {
    status: r.status,
    stdout: r.stdout,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  }
}

async function defaults(): Promise<Record<string, string>> {
  const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const out: Record<string, string> = {}
  for (const [name, i] of Object.entries(action.inputs)) {
    if (i.default !== undefined && !i.default.includes('${{')) out[name] = i.default
  }
  return out
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1]] = m[3]
  return out
}
