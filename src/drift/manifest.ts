import type { EntrySummary, ArtifactFormat } from '../sources/types.js'

/** One file of a manifest; mode is normalized as npm does (0755 if any execute bit, else 0644). */
export interface ManifestFile {
  path: string
  size: number
  mode: '0755' | '0644'
  sha256?: string
  /** Set for entries that are not regular files (symlink, hardlink, ...). */
  type?: string
  target?: string
}

/** The committed lockfile (`packguard.lock.json`): what the artifact is expected to hold. */
export interface Manifest {
  schemaVersion: 1
  format?: ArtifactFormat
  files: ManifestFile[]
  totals: { files: number; bytes: number }
}

export const executable = (mode: number) => (mode & 0o111) !== 0

/**
 * Builds a deterministic manifest from an artifact's top-level entries (directories left out,
 * and the lockfile itself when it ships inside: see `isLockfileEntry`).
 */
export function buildManifest(
  entries: readonly EntrySummary[],
  format?: ArtifactFormat,
  lockfile?: string,
): Manifest {
  const byPath = new Map<string, ManifestFile>()
  for (const e of entries) {
    if (e.type === 'directory' || !e.path) continue
    if (lockfile !== undefined && isLockfileEntry(e.path, lockfile)) continue
    const f: ManifestFile = {
      path: e.path,
      size: e.size,
      mode: executable(e.mode) ? '0755' : '0644',
    }
    if (e.sha256) f.sha256 = e.sha256
    if (e.type !== 'file') {
      f.type = e.type
      if (e.linkTarget !== undefined) f.target = e.linkTarget
    }
    // npm installs the last copy of a duplicated path; so does the manifest.
    byPath.set(e.path, f)
  }
  const files = [...byPath.values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  )
  const regular = files.filter((f) => !f.type)
  return {
    schemaVersion: 1,
    ...(format ? { format } : {}),
    files,
    totals: { files: regular.length, bytes: regular.reduce((n, f) => n + f.size, 0) },
  }
}

/**
 * Whether an artifact entry is the lockfile itself (a package without a `files` list ships it):
 * the lockfile's path, as given from the project folder, ends with the entry's path. It never
 * counts against itself.
 */
export function isLockfileEntry(entryPath: string, lockfile: string): boolean {
  const path = lockfile.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '')
  return path === entryPath || path.endsWith(`/${entryPath}`)
}

/** The manifest without the lockfile's own entry (a lockfile or baseline that listed it). */
export function withoutLockfile(m: Manifest, lockfile: string | undefined): Manifest {
  if (lockfile === undefined || !m.files.some((f) => isLockfileEntry(f.path, lockfile))) return m
  const files = m.files.filter((f) => !isLockfileEntry(f.path, lockfile))
  const regular = files.filter((f) => !f.type)
  const totals = { files: regular.length, bytes: regular.reduce((n, f) => n + f.size, 0) }
  return { ...m, files, totals }
}

/** The lockfile text: stable key order, two-space indent, trailing newline. */
export function serializeManifest(m: Manifest): string {
  const files = m.files.map((f) => {
    const o: Record<string, unknown> = { path: f.path, size: f.size, mode: f.mode }
    if (f.sha256) o.sha256 = f.sha256
    if (f.type) o.type = f.type
    if (f.target !== undefined) o.target = f.target
    return o
  })
  const out = {
    schemaVersion: 1,
    ...(m.format ? { format: m.format } : {}),
    files,
    totals: m.totals,
  }
  return `${JSON.stringify(out, null, 2)}\n`
}

/** Parses and checks a lockfile's shape; `name` is used in errors. */
export function parseManifest(text: string, name: string): Manifest {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new Error(`${name}: not valid JSON (${(err as Error).message})`, { cause: err })
  }
  const m = raw as Manifest
  if (typeof m !== 'object' || m === null || m.schemaVersion !== 1 || !Array.isArray(m.files)) {
    throw new Error(`${name}: not a packguard lockfile (expected schemaVersion 1 and a files list)`)
  }
  for (const [i, f] of m.files.entries()) {
    if (
      typeof f?.path !== 'string' ||
      typeof f.size !== 'number' ||
      (f.mode !== '0755' && f.mode !== '0644')
    ) {
      throw new Error(`${name}: files[${i}]: expected {path, size, mode: "0755"|"0644"}`)
    }
  }
  return m
}
