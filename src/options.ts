import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { glob, hasMagic } from 'glob'
import type { CheckOptions } from './check.js'
import { loadConfig } from './config/load.js'
import { UsageError } from './errors.js'
import { FAIL_ON, type FailOn } from './report/types.js'

/** Options as the CLI flags or the Action inputs give them: raw strings. */
export interface RawOptions {
  cwd: string
  paths: string[]
  config?: string
  failOn?: string
  /** false: scan an npm package folder whole instead of what `npm pack` would publish. */
  pack?: boolean
}

/** Validates raw options, expands globs and loads the config into one typed CheckOptions. */
export async function resolveOptions(raw: RawOptions): Promise<CheckOptions> {
  const paths = raw.paths.map((p) => p.trim()).filter(Boolean)
  if (paths.length === 0)
    throw new UsageError('No artifact given. Expected at least one path or glob.')
  const failOn = (raw.failOn?.trim() || 'error') as FailOn
  if (!FAIL_ON.includes(failOn)) {
    throw new UsageError(`Invalid fail-on '${raw.failOn}'. Expected one of ${FAIL_ON.join(', ')}.`)
  }
  const config = await loadConfig(raw.cwd, raw.config?.trim() || undefined)
  return {
    cwd: raw.cwd,
    artifacts: await expand(paths, raw.cwd),
    config,
    failOn,
    pack: raw.pack ?? true,
  }
}

/**
 * Expands each argument: an existing path is kept as given; a glob becomes its sorted matches.
 * A glob that matches nothing is kept, so that the check reports it as a missing artifact.
 */
async function expand(paths: string[], cwd: string): Promise<string[]> {
  const out: string[] = []
  for (const p of paths) {
    if (existsSync(resolve(cwd, p)) || !hasMagic(p)) {
      out.push(p)
      continue
    }
    const matches = (await glob(p, { cwd, dot: true, posix: true })).sort()
    out.push(...(matches.length ? matches : [p]))
  }
  return [...new Set(out)]
}
