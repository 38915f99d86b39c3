import type { EntrySummary } from '../sources/types.js'

/** The fields of package.json that name what a package provides. */
export interface PackageEntries {
  name?: string
  main?: string
  module?: string
  types?: string
  typings?: string
  browser?: string | Record<string, unknown>
  bin?: string | Record<string, string>
  exports?: unknown
  typesVersions?: Record<string, Record<string, string[]>>
}

/** How a resolver looks a target up: Node's `main`, a bundler's field, TypeScript, `exports`. */
export type Lookup = 'main' | 'bundler' | 'types' | 'exact'

/** One target package.json names. */
export interface EntryPoint {
  /** Where it is named: `main`, `exports["."]["import"]`, `bin.acme`. */
  field: string
  target: string
  lookup: Lookup
  /** A condition no resolver acts on leads to it: a missing target breaks nobody's import. */
  unknownCondition?: string
}

/**
 * Export conditions that Node, TypeScript, bundlers and runtimes act on (Node's own, the
 * WinterCG runtime keys, and the ones bundlers document). A target behind any other condition
 * is used only by a tool that was configured for it.
 */
const KNOWN_CONDITIONS = new Set([
  'node',
  'node-addons',
  'import',
  'require',
  'module-sync',
  'default',
  'types',
  'typings',
  'browser',
  'module',
  'worker',
  'worklet',
  'development',
  'production',
  'react-native',
  'react-server',
  'deno',
  'bun',
  'electron',
  'edge-light',
  'workerd',
  'netlify',
  'style',
])

const isKnown = (c: string) => KNOWN_CONDITIONS.has(c) || /^types@/.test(c)

/** Every target package.json names, with how it is looked up. */
export function entryPoints(pkg: PackageEntries): EntryPoint[] {
  const out: EntryPoint[] = []
  if (typeof pkg.main === 'string') out.push({ field: 'main', target: pkg.main, lookup: 'main' })
  if (typeof pkg.module === 'string')
    out.push({ field: 'module', target: pkg.module, lookup: 'bundler' })
  if (typeof pkg.browser === 'string')
    out.push({ field: 'browser', target: pkg.browser, lookup: 'bundler' })
  for (const field of ['types', 'typings'] as const) {
    const v = pkg[field]
    if (typeof v === 'string') out.push({ field, target: v, lookup: 'types' })
  }
  for (const [name, target] of bins(pkg)) out.push({ field: `bin.${name}`, target, lookup: 'main' })
  walkExports(pkg.exports, 'exports', undefined, undefined, out)
  return out
}

/** The `bin` entries: name and file. */
export function bins(pkg: PackageEntries): Array<[string, string]> {
  if (typeof pkg.bin === 'string') return [[pkg.name?.replace(/^@[^/]+\//, '') ?? 'bin', pkg.bin]]
  if (pkg.bin && typeof pkg.bin === 'object')
    return Object.entries(pkg.bin).filter((b): b is [string, string] => typeof b[1] === 'string')
  return []
}

function walkExports(
  v: unknown,
  key: string,
  unknown: string | undefined,
  types: boolean | undefined,
  out: EntryPoint[],
): void {
  if (typeof v === 'string') {
    // Targets must start with ./ (Node refuses others); `null` excludes a subpath.
    if (!v.startsWith('./')) return
    const e: EntryPoint = { field: key, target: v, lookup: types ? 'types' : 'exact' }
    if (unknown) e.unknownCondition = unknown
    out.push(e)
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => walkExports(x, `${key}[${i}]`, unknown, types, out))
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      // Keys that start with '.' are subpaths; the others are conditions.
      const condition = !k.startsWith('.')
      const stranger = condition && !isKnown(k) ? k : undefined
      const isTypes = condition && (k === 'types' || k === 'typings' || k.startsWith('types@'))
      walkExports(x, `${key}["${k}"]`, unknown ?? stranger, types || isTypes, out)
    }
  }
}

/** The files and folders of an artifact, for lookups. */
export class FileIndex {
  readonly files: Map<string, EntrySummary>
  private readonly folders = new Set<string>()

  constructor(entries: readonly EntrySummary[]) {
    this.files = new Map(entries.filter((e) => e.type !== 'directory').map((e) => [e.path, e]))
    for (const p of this.files.keys()) {
      for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1))
        this.folders.add(p.slice(0, i))
    }
  }

  hasFolder(path: string): boolean {
    return path === '' ? this.files.size > 0 : this.folders.has(path)
  }

  /** Whether some file matches a `*` pattern (`*` matches any string, `/` included, as in exports). */
  matches(pattern: string): boolean {
    const parts = pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    const re = new RegExp(`^${parts.join('.+')}$`)
    for (const p of this.files.keys()) if (re.test(p)) return true
    return false
  }
}

const strip = (target: string) => target.replace(/^\.\//, '')

/** The file an entry point resolves to, or true for a folder or pattern that has files. */
export function resolveEntry(
  e: Pick<EntryPoint, 'target' | 'lookup'>,
  index: FileIndex,
  pkg: PackageEntries = {},
): EntrySummary | true | undefined {
  const p = strip(e.target)
  if (p.includes('*')) return index.matches(p) || undefined
  if (p === '' || p.endsWith('/')) return index.hasFolder(p.replace(/\/$/, '')) || undefined
  for (const c of candidates(p, e.lookup)) {
    const f = index.files.get(c)
    if (f) return f
  }
  if (e.lookup === 'types') return typesVersionsHit(p, index, pkg)
  return undefined
}

/** What each resolver tries, in order (Node's CommonJS lookup, TypeScript's declaration lookup). */
function candidates(p: string, lookup: Lookup): string[] {
  switch (lookup) {
    case 'exact':
      return [p]
    case 'main':
      return [p, `${p}.js`, `${p}.json`, `${p}.node`, `${p}/index.js`, `${p}/index.json`]
    case 'bundler':
      return [p, `${p}.js`, `${p}.mjs`, `${p}.cjs`, `${p}/index.js`, `${p}/index.mjs`]
    case 'types': {
      const js = /\.([mc]?)js$/.exec(p)
      const base = js ? p.slice(0, js.index) : p
      const ext = js ? `.d.${js[1]}ts` : '.d.ts'
      return [p, `${base}${ext}`, `${p}.d.ts`, `${p}/index.d.ts`]
    }
  }
}

/** TypeScript maps declaration paths through `typesVersions` first: any mapping that finds one will do. */
function typesVersionsHit(
  p: string,
  index: FileIndex,
  pkg: PackageEntries,
): EntrySummary | undefined {
  for (const paths of Object.values(pkg.typesVersions ?? {})) {
    for (const [from, tos] of Object.entries(paths ?? {})) {
      const star = from.indexOf('*')
      const head = star === -1 ? from : from.slice(0, star)
      const tail = star === -1 ? '' : from.slice(star + 1)
      if (star === -1 ? p !== from : !(p.startsWith(head) && p.endsWith(tail))) continue
      const hole = star === -1 ? '' : p.slice(head.length, p.length - tail.length)
      for (const to of Array.isArray(tos) ? tos : []) {
        for (const c of candidates(strip(to.replace('*', hole)), 'types')) {
          const f = index.files.get(c)
          if (f) return f
        }
      }
    }
  }
  return undefined
}
