// What a package declares beyond its files that changes what an install does: its dependencies
// and the scripts npm runs at install. A release that adds a `postinstall` is the kind of manual
// step a team must see.

/** The dependency fields compared, as npm names them. */
export const DEPENDENCY_FIELDS = [
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'bundleDependencies',
] as const
export type DependencyField = (typeof DEPENDENCY_FIELDS)[number]

/** Scripts npm runs when the package is installed or removed (or installed from git: prepare). */
export const LIFECYCLE_SCRIPTS = [
  'preinstall',
  'install',
  'postinstall',
  'preprepare',
  'prepare',
  'postprepare',
  'preuninstall',
  'uninstall',
  'postuninstall',
] as const

/** Per field, name -> spec (a script's command); `bundleDependencies` lists names (spec `*`). */
export type PackageSurface = Partial<Record<DependencyField | 'scripts', Record<string, string>>>

export type SurfaceChange = {
  kind: 'added' | 'removed' | 'changed'
  /** A dependency field, or `scripts`. */
  field: DependencyField | 'scripts'
  name: string
  before?: string
  after?: string
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function strings(v: unknown, keep?: readonly string[]): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined
  const out: Record<string, string> = {}
  for (const k of Object.keys(v).sort())
    if (typeof v[k] === 'string' && (!keep || keep.includes(k))) out[k] = v[k] as string
  return Object.keys(out).length ? out : undefined
}

/** The surface of a package.json text; undefined when it does not parse as an object. */
export function surfaceOf(packageJson: string | undefined): PackageSurface | undefined {
  if (packageJson === undefined) return undefined
  let pkg: unknown
  try {
    pkg = JSON.parse(packageJson)
  } catch {
    return undefined
  }
  if (!isRecord(pkg)) return undefined
  const out: PackageSurface = {}
  for (const field of DEPENDENCY_FIELDS) {
    // npm reads `bundledDependencies` too, and `true` (bundle every dependency).
    const raw =
      field === 'bundleDependencies' ? (pkg[field] ?? pkg.bundledDependencies) : pkg[field]
    const value =
      field !== 'bundleDependencies'
        ? strings(raw)
        : Array.isArray(raw)
          ? strings(
              Object.fromEntries(raw.filter((n) => typeof n === 'string').map((n) => [n, '*'])),
            )
          : raw === true
            ? strings(
                Object.fromEntries(
                  Object.keys(strings(pkg.dependencies) ?? {}).map((n) => [n, '*']),
                ),
              )
            : undefined
    if (value) out[field] = value
  }
  const scripts = strings(pkg.scripts, LIFECYCLE_SCRIPTS)
  if (scripts) out.scripts = scripts
  return out
}

/** Every difference from `before` to `after`, field by field, names in order. */
export function diffSurfaces(before: PackageSurface, after: PackageSurface): SurfaceChange[] {
  const out: SurfaceChange[] = []
  for (const field of [...DEPENDENCY_FIELDS, 'scripts'] as const) {
    const b = before[field] ?? {}
    const a = after[field] ?? {}
    for (const name of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
      if (!(name in b)) out.push({ kind: 'added', field, name, after: a[name] })
      else if (!(name in a)) out.push({ kind: 'removed', field, name, before: b[name] })
      else if (a[name] !== b[name])
        out.push({ kind: 'changed', field, name, before: b[name], after: a[name] })
    }
  }
  return out
}
