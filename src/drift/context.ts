import { resolve } from 'node:path'
import type { OpenOptions } from '../sources/open.js'
import { readArtifact, type ReadResult } from '../sources/read-artifact.js'
import type { SafetyLimits } from '../sources/limits.js'
import type { OpenedArtifact } from '../sources/types.js'
import type { DriftSettings } from './diff.js'
import { buildManifest, withoutLockfile, type Manifest } from './manifest.js'

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

export type FetchedBaseline =
  { kind: 'found'; path: string; label: string } | { kind: 'not-found'; reason: string }

/** An expected file set (lockfile or baseline) and how to compare with it. */
export interface DriftContext {
  against: Array<{ kind: 'lockfile' | 'baseline'; label: string; manifest: Manifest }>
  settings: DriftSettings
  /** The lockfile's path as given: its own entry in the artifact is left out of every comparison. */
  lockfile?: string
  /** Why there is no baseline to compare with, when one was asked for (a first release). */
  baselineMissing?: string
}

/** How the baseline is found and read: like the artifact itself. */
export interface BaselineReader {
  cwd: string
  limits: SafetyLimits
  pack: boolean
  open(path: string, opts: OpenOptions): Promise<OpenedArtifact>
  /** Fetches an npm baseline (`npm:...`) for the package being checked. */
  fetchBaseline?(spec: string, pkg: { name?: string; version?: string }): Promise<FetchedBaseline>
}

/**
 * Loads what the artifact is compared with: the lockfile, and the baseline read like any
 * artifact. Throws when a baseline is found but cannot be read.
 */
export async function loadDriftContext(
  read: ReadResult,
  drift: DriftOptions,
  reader: BaselineReader,
): Promise<DriftContext | undefined> {
  const lockfile = drift.lockfile?.path
  const ctx: DriftContext = { against: [], settings: drift.settings, lockfile }
  if (drift.lockfile?.manifest && !drift.updateLockfile) {
    ctx.against.push({
      kind: 'lockfile',
      label: drift.lockfile.path,
      manifest: withoutLockfile(drift.lockfile.manifest, lockfile),
    })
  }
  if (drift.baseline) {
    const baseline = await locateBaseline(drift.baseline, read, reader)
    if (baseline.kind === 'not-found') {
      ctx.baselineMissing = baseline.reason
    } else {
      const base = await readArtifact(baseline.path, {
        open: reader.open,
        limits: reader.limits,
        pack: reader.pack,
        hash: drift.settings.content,
      })
      if (base.error) throw new Error(`baseline ${baseline.label}: ${base.error}`)
      ctx.against.push({
        kind: 'baseline',
        label: baseline.label,
        manifest: buildManifest(base.entries, base.format, lockfile),
      })
    }
  }
  return ctx.against.length || ctx.baselineMissing ? ctx : undefined
}

async function locateBaseline(
  spec: string,
  read: ReadResult,
  reader: BaselineReader,
): Promise<FetchedBaseline> {
  if (!spec.startsWith('npm:'))
    return { kind: 'found', path: resolve(reader.cwd, spec), label: `the baseline ${spec}` }
  if (!reader.fetchBaseline)
    throw new Error(`baseline ${spec}: npm baselines are not available here`)
  let pkg: { name?: string; version?: string } = {}
  try {
    pkg = read.packageJson ? JSON.parse(read.packageJson) : {}
  } catch {
    // A package.json that does not parse has no name: npm:previous then says so.
  }
  return reader.fetchBaseline(spec, { name: pkg.name, version: pkg.version })
}
