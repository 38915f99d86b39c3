import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CheckDeps } from './check.js'
import { defaultCacheDir, fetchNpmBaseline } from './drift/baseline-npm.js'
import { workerHost } from './rules/secrets/engine/offload/thread.js'
import { secretScan } from './rules/secrets/scan.js'
import { openArtifact } from './sources/open.js'

/**
 * What check() needs from the outside world, for the CLI and the Action alike: the artifact
 * reader, and npm (run in `cwd`, so the project's registry and credentials apply) for baselines.
 */
export function realDeps(cwd: string, env: Record<string, string | undefined>): CheckDeps {
  const worker = useWorker(env.PACKGUARD_WORKER, availableParallelism())
    ? workerScript()
    : undefined
  return {
    open: openArtifact,
    scanner: worker ? () => workerHost(worker, secretScan) : undefined,
    async fetchBaseline(spec, pkg) {
      const r = await fetchNpmBaseline({
        spec,
        packageName: pkg.name,
        currentVersion: pkg.version,
        cwd,
        cacheDir: defaultCacheDir(env),
        env,
      })
      return r.kind === 'found'
        ? { kind: 'found', path: r.path, label: `${r.name}@${r.version}` }
        : { kind: 'not-found', reason: r.reason }
    },
  }
}

/**
 * Whether secret scanning gets a worker thread: with `PACKGUARD_WORKER` 1 or 0 as it says, else
 * when there are at least three cores. zlib inflates on a thread of its own, so on two cores the
 * main thread and zlib already fill both, and a worker only adds its hand-over costs (measured:
 * 0.83 s without, 0.89 s with, on the ~100 MB benchmark package on two cores).
 */
export function useWorker(setting: string | undefined, cores: number): boolean {
  if (setting === '0' || setting === '1') return setting === '1'
  return cores >= 3
}

/**
 * The secret-scanning worker bundled beside this code (dist/worker/index.js, next to the Action's
 * dist/index.js and above the CLI's dist/cli/index.js); absent when running from source, where
 * scanning stays on the main thread.
 */
function workerScript(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url))
  return [join(here, 'worker', 'index.js'), join(here, '..', 'worker', 'index.js')].find((p) =>
    existsSync(p),
  )
}
