import { diffSurfaces, type SurfaceChange } from '../drift/package-surface.js'
import type { RawFinding } from '../findings.js'
import { defineFamily } from './types.js'

type SurfaceId = `drift/${'dependency' | 'script'}-${'added' | 'removed' | 'changed'}`

/**
 * Differences in what the package declares beyond its files: dependencies (`dependencies`,
 * `optionalDependencies`, `peerDependencies`, `bundleDependencies`) and the scripts npm runs at
 * install, against the lockfile (when it records them) or the baseline's package.json.
 */
export const packageDriftRules = defineFamily({
  rules: [
    {
      id: 'drift/script-added',
      category: 'drift',
      severity: 'error',
      always: true,
      description:
        'An install-time script (`preinstall`, `install`, `postinstall`, `prepare`, uninstall scripts) is new: it runs on every machine that installs the package.',
    },
    {
      id: 'drift/script-changed',
      category: 'drift',
      severity: 'error',
      always: true,
      description: 'An install-time script runs another command than before.',
    },
    {
      id: 'drift/script-removed',
      category: 'drift',
      severity: 'notice',
      always: true,
      description: 'An install-time script is gone.',
    },
    {
      id: 'drift/dependency-added',
      category: 'drift',
      severity: 'warning',
      always: true,
      description:
        'A dependency (`dependencies`, `optionalDependencies`, `peerDependencies`, `bundleDependencies`) is new.',
    },
    {
      id: 'drift/dependency-changed',
      category: 'drift',
      severity: 'notice',
      always: true,
      description: 'A dependency asks for another version range.',
    },
    {
      id: 'drift/dependency-removed',
      category: 'drift',
      severity: 'notice',
      always: true,
      description: 'A dependency is gone.',
    },
  ],
  create(ctx) {
    return {
      end(_entries, { drift }) {
        const now = drift?.actualPackage
        if (!drift || !now) return
        for (const { kind, label, manifest } of drift.against) {
          // A lockfile written before it recorded the package is not compared with.
          if (!manifest.package) continue
          const than = kind === 'lockfile' ? `the lockfile ${label}` : label
          for (const c of diffSurfaces(manifest.package, now)) ctx.report(toFinding(c, than))
        }
      },
    }
  },
})

const show = (s: string | undefined) => JSON.stringify(s ?? '')

function toFinding(c: SurfaceChange, than: string): RawFinding<SurfaceId> {
  const script = c.field === 'scripts'
  const what = script ? `the ${c.name} script` : `${c.field}.${c.name}`
  const rule: SurfaceId = `drift/${script ? 'script' : 'dependency'}-${c.kind}`
  const message =
    c.kind === 'added'
      ? `${what} is new (${show(c.after)}): it is not in ${than}`
      : c.kind === 'removed'
        ? `${what} (${show(c.before)} in ${than}) is gone`
        : `${what} is ${show(c.after)}, ${show(c.before)} in ${than}`
  return { rule, file: 'package.json', key: `${c.field}:${c.name}`, message }
}
