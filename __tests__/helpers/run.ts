import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CLI = join(ROOT, 'dist', 'cli', 'index.js')
export const ACTION = join(ROOT, 'dist', 'index.js')

export interface Ran {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the built CLI as a child process, as a user's shell would. */
export function runCli(args: string[], opts: { cwd: string; env?: Record<string, string> }): Ran {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...opts.env },
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}
