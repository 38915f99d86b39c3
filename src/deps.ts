import type { CheckDeps } from './check.js'
import { defaultCacheDir, fetchNpmBaseline } from './drift/baseline-npm.js'
import { openArtifact } from './sources/open.js'

/**
 * What check() needs from the outside world, for the CLI and the Action alike: the artifact
 * reader, and npm (run in `cwd`, so the project's registry and credentials apply) for baselines.
 */
export function realDeps(cwd: string, env: Record<string, string | undefined>): CheckDeps {
  return {
    open: openArtifact,
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
