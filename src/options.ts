import { existsSync } from 'node:fs'
import { releaseFromRef } from './release-tag.js'
import { resolve } from 'node:path'
import { readFile } from 'node:fs/promises'
import type { CheckOptions } from './check.js'
import type { DriftOptions } from './drift/context.js'
import type { Config } from './config/types.js'
import { parseNpmBaseline } from './drift/baseline-npm.js'
import { parseManifest, type Manifest } from './drift/manifest.js'
import { loadConfig } from './config/load.js'
import { ConfigError, UsageError } from './errors.js'
import { FAIL_ON, type FailOn } from './report/types.js'

/** Options as the CLI flags or the Action inputs give them: raw strings. */
export interface RawOptions {
  cwd: string
  paths: string[]
  config?: string
  failOn?: string
  /** false: scan an npm package folder whole instead of what `npm pack` would publish. */
  pack?: boolean
  /** Lockfile path (overrides `drift.lockfile`). */
  lockfile?: string
  /** Rewrite the lockfile from the artifact instead of failing on drift from it. */
  updateLockfile?: boolean
  /** Baseline artifact or npm spec (overrides `drift.baseline`). */
  baseline?: string
  /**
   * The release (`1.2.3`, or `@acme/core@2.4.0` naming one package of a monorepo); else the tag
   * of a `refs/tags/...` ref.
   */
  expectVersion?: string
  /** The git ref of the run (`GITHUB_REF`). */
  ref?: string
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
  const artifacts = await expand(paths, raw.cwd)
  return {
    cwd: raw.cwd,
    artifacts,
    config,
    failOn,
    pack: raw.pack ?? true,
    drift: await driftOptions(raw, config, artifacts),
    expectVersion: raw.expectVersion?.trim() || releaseFromRef(raw.ref),
  }
}

async function driftOptions(
  raw: RawOptions,
  config: Config,
  artifacts: string[],
): Promise<DriftOptions | undefined> {
  const lockfile = raw.lockfile?.trim() || config.drift.lockfile
  const baseline = raw.baseline?.trim() || config.drift.baseline
  if (raw.updateLockfile && !lockfile) {
    throw new UsageError(
      '--update-lockfile needs a lockfile: give --lockfile <file> or drift.lockfile.',
    )
  }
  if (!lockfile && !baseline) return undefined
  if (lockfile && artifacts.length > 1) {
    throw new UsageError(
      `A lockfile describes one artifact, but ${artifacts.length} were given. Check each with its own lockfile.`,
    )
  }
  if (baseline) {
    try {
      parseNpmBaseline(baseline)
    } catch (err) {
      throw new UsageError((err as Error).message)
    }
  }
  const out: DriftOptions = {
    settings: config.drift.settings,
    baseline,
    updateLockfile: raw.updateLockfile,
  }
  if (lockfile) {
    const manifest = await readLockfile(resolve(raw.cwd, lockfile), lockfile, raw.updateLockfile)
    out.lockfile = { path: lockfile, manifest }
  }
  return out
}

async function readLockfile(
  full: string,
  name: string,
  creating?: boolean,
): Promise<Manifest | undefined> {
  let text: string
  try {
    text = await readFile(full, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && creating) return undefined
    throw new UsageError(
      `Cannot read lockfile ${name} (${code}). Create it with 'packguard snapshot <artifact> --output ${name}' or --update-lockfile.`,
    )
  }
  try {
    return parseManifest(text, name)
  } catch (err) {
    throw new ConfigError((err as Error).message)
  }
}

/**
 * Expands each argument: an existing path is kept as given; a glob becomes its sorted matches.
 * A glob that matches nothing is kept, so that the check reports it as a missing artifact.
 */
async function expand(paths: string[], cwd: string): Promise<string[]> {
  const out: string[] = []
  for (const p of paths) {
    if (existsSync(resolve(cwd, p))) {
      out.push(p)
      continue
    }
    // The glob library loads only for an argument that is no path.
    const { glob, hasMagic } = await import('glob')
    if (!hasMagic(p)) {
      out.push(p)
      continue
    }
    const matches = (await glob(p, { cwd, dot: true, posix: true })).sort()
    out.push(...(matches.length ? matches : [p]))
  }
  return [...new Set(out)]
}
