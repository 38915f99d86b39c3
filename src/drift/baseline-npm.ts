import { mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, join } from 'node:path'
import { NpmError, runNpm } from '../npm-cli.js'
import { compareVersions, isVersion, parseVersion } from './semver.js'

/** A baseline named by an npm spec: a package and a version, tag or range, or "previous". */
export interface NpmBaselineSpec {
  /** Undefined for `npm:previous`: the package being checked. */
  name?: string
  /** A version, dist-tag or range; `previous` when `name` is undefined. */
  range: string
}

export interface FetchNpmBaselineOptions {
  spec: string
  /** Name of the package being checked; needed by `npm:previous`. */
  packageName?: string
  /** Its version; `npm:previous` never resolves to it. */
  currentVersion?: string
  /** The project folder: npm runs here, so its `.npmrc` applies. */
  cwd: string
  cacheDir: string
  /** Environment for npm (registry auth such as `${NPM_TOKEN}`); default `process.env`. */
  env?: Record<string, string | undefined>
  /** Limit for each npm call; default 120 s. */
  timeoutMs?: number
}

export type NpmBaseline =
  | { kind: 'found'; path: string; name: string; version: string }
  | { kind: 'not-found'; name: string; reason: string }

const EXPECTED = 'Expected npm:<name>@<version|tag> (e.g. npm:@scope/pkg@1.2.3) or npm:previous'
// npm package names: lowercase for new ones, but legacy names may hold capitals.
const NAME_RE = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/i
const RANGE_RE = /^[0-9A-Za-z.^~*<>=|+-]+$/

/**
 * Parses `npm:<name>@<version|tag>` or `npm:previous`. Returns undefined for anything not
 * starting with `npm:` (a file path then); throws on a malformed npm spec.
 */
export function parseNpmBaseline(spec: string): NpmBaselineSpec | undefined {
  if (!spec.startsWith('npm:')) return undefined
  const rest = spec.slice('npm:'.length)
  if (rest === 'previous') return { range: 'previous' }
  const at = rest.lastIndexOf('@')
  const name = rest.slice(0, at)
  const range = rest.slice(at + 1)
  if (at <= 0 || name.length > 214 || !NAME_RE.test(name) || !RANGE_RE.test(range)) {
    throw new Error(`Invalid baseline '${spec}'. ${EXPECTED}`)
  }
  return { name, range }
}

/** Where downloaded baselines are kept: $PACKGUARD_CACHE_DIR, $XDG_CACHE_HOME/packguard or ~/.cache/packguard. */
export function defaultCacheDir(env: Record<string, string | undefined>): string {
  if (env.PACKGUARD_CACHE_DIR) return env.PACKGUARD_CACHE_DIR
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'packguard')
  return join(env.HOME || homedir(), '.cache', 'packguard')
}

/**
 * Resolves an npm baseline spec to a version and downloads its tarball into `cacheDir`, both with
 * npm itself run in `cwd`, so the project's registry and credentials are used. Only
 * `npm:previous` can be `not-found` (a first release: the package is not in the registry, or has
 * no version before `currentVersion`); any other failure throws, naming the spec and npm's error.
 */
export async function fetchNpmBaseline(opts: FetchNpmBaselineOptions): Promise<NpmBaseline> {
  const { spec, cacheDir } = opts
  const parsed = parseNpmBaseline(spec)
  if (!parsed) throw new Error(`Invalid baseline '${spec}'. ${EXPECTED}`)
  const name = parsed.name ?? opts.packageName
  if (!name) {
    throw new Error(
      `Invalid baseline '${spec}': npm:previous needs the name of the package checked`,
    )
  }
  if (!NAME_RE.test(name)) {
    throw new Error(`Invalid baseline '${spec}': '${name}' is not an npm package name`)
  }
  const npm: Npm = (args) =>
    runNpm(args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      timeoutMs: opts.timeoutMs ?? 120_000,
    })

  // A published version never changes, so a pinned one already downloaded needs no registry.
  if (parsed.name && isVersion(parsed.range)) {
    const path = cachePath(cacheDir, name, parsed.range)
    if (await isGzipFile(path)) return { kind: 'found', path, name, version: parsed.range }
  }
  try {
    let info: PackageInfo
    try {
      info = readInfo(await npm(['view', name, 'versions', 'dist-tags', '--json']))
    } catch (e) {
      // Only `npm:previous` of a package never published is a first release; a named package
      // that cannot be seen is a typo or missing auth: the gate must not turn itself off.
      if (parsed.name || !(e instanceof NpmError && e.code === 'E404')) throw e
      const why = 'never published, or not visible with the current npm credentials'
      return { kind: 'not-found', name, reason: `${name} is not in the registry (${why})` }
    }
    const version = parsed.name
      ? await resolveVersion(name, parsed.range, info, npm)
      : pickPreviousVersion(info, opts.currentVersion)
    if (!version) {
      const before = opts.currentVersion ? ` before ${opts.currentVersion}` : ''
      return { kind: 'not-found', name, reason: `no version of ${name}${before} is published` }
    }
    if (!isVersion(version)) throw new Error(`npm resolved an invalid version '${version}'`)
    const path = cachePath(cacheDir, name, version)
    if (!(await isGzipFile(path))) await download(name, version, path, cacheDir, npm)
    return { kind: 'found', path, name, version }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    throw new Error(`Could not fetch baseline '${spec}': ${message}`, { cause: e })
  }
}

type Npm = (args: string[]) => Promise<string>

/**
 * A version or dist-tag is looked up in what the registry listed; a range goes to npm, which
 * resolves ranges exactly as an install would. A pin the package does not have is an error: a
 * typo must not pass as "no baseline".
 */
async function resolveVersion(name: string, range: string, info: PackageInfo, npm: Npm) {
  if (isVersion(range) || Object.hasOwn(info.distTags, range)) {
    const version = Object.hasOwn(info.distTags, range) ? info.distTags[range] : range
    if (info.versions.includes(version)) return version
    throw new Error(`${name}@${version} is not published (published: ${summarize(info.versions)})`)
  }
  const matches = asList(parseJson(await npm(['view', `${name}@${range}`, 'version', '--json'])))
  const version = highest(matches)
  if (!version) throw new Error(`no published version of ${name} matches '${range}'`)
  return version
}

/** What a registry says about a package: every published version and the dist-tags. */
export interface PackageInfo {
  versions: string[]
  distTags: Record<string, string>
}

function readInfo(stdout: string): PackageInfo {
  const raw = (parseJson(stdout) ?? {}) as { versions?: unknown; 'dist-tags'?: unknown }
  const tags = raw['dist-tags']
  const distTags: Record<string, string> = {}
  if (tags && typeof tags === 'object') {
    for (const [k, v] of Object.entries(tags)) if (typeof v === 'string') distTags[k] = v
  }
  return { versions: asList(raw.versions), distTags }
}

/** npm prints nothing at all when a range matches no version (some npm versions). */
function parseJson(stdout: string): unknown {
  if (!stdout.trim()) return undefined
  try {
    return JSON.parse(stdout)
  } catch {
    throw new Error(`npm printed no JSON: ${stdout.slice(0, 200)}`)
  }
}

/** `npm view --json` prints one value bare and several as an array. */
function asList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.filter((v): v is string => typeof v === 'string')
}

/**
 * What `npm:previous` means: the highest published version below the one being checked (a
 * maintenance branch checking 2.1.88 compares with 2.1.87, not with the newest 3.x), by semver.
 * Prereleases count only when the version being checked is one itself. Without a version being
 * checked, the `latest` dist-tag. Undefined when there is none (a first release).
 */
export function pickPreviousVersion(info: PackageInfo, current?: string): string | undefined {
  const latest = info.distTags.latest
  if (current === undefined && latest) return latest
  const cur = current === undefined ? undefined : parseVersion(current)
  if (current !== undefined && !cur)
    throw new Error(`the current version '${current}' is not a semver version`)
  const allowPre = (cur?.prerelease.length ?? 0) > 0
  return highest(
    info.versions.filter((v) => {
      const parsed = parseVersion(v)
      if (!parsed || (parsed.prerelease.length && !allowPre)) return false
      return current === undefined || compareVersions(v, current) < 0
    }),
  )
}

function highest(versions: string[]): string | undefined {
  return versions.filter(isVersion).sort(compareVersions).at(-1)
}

function summarize(versions: string[]): string {
  const sorted = versions.filter(isVersion).sort(compareVersions)
  if (sorted.length > 5) return `${sorted.slice(-5).join(', ')} and ${sorted.length - 5} older`
  return sorted.join(', ') || 'none'
}

/** `@scope/pkg` 1.2.3 -> `@scope+pkg-1.2.3.tgz`: `+` never occurs in a package name, so names cannot collide. */
function cachePath(cacheDir: string, name: string, version: string): string {
  return join(cacheDir, `${name.replace('/', '+')}-${version}.tgz`)
}

/** `npm pack` into a private folder, then an atomic rename: a concurrent run never sees half a file. */
async function download(
  name: string,
  version: string,
  path: string,
  cacheDir: string,
  npm: Npm,
): Promise<void> {
  await mkdir(cacheDir, { recursive: true })
  const dest = await mkdtemp(join(cacheDir, '.download-'))
  try {
    const args = [
      'pack',
      `${name}@${version}`,
      '--pack-destination',
      dest,
      '--json',
      '--ignore-scripts',
    ]
    const out = parseJson(await npm(args)) as Array<{ filename?: unknown }> | undefined
    const filename = out?.[0]?.filename
    if (typeof filename !== 'string') throw new Error('npm pack reported no file')
    const packed = join(dest, basename(filename))
    if (!(await isGzipFile(packed)))
      throw new Error(`npm pack did not write a gzip tarball (${filename})`)
    await rename(packed, path)
  } finally {
    await rm(dest, { recursive: true, force: true })
  }
}

async function isGzipFile(path: string): Promise<boolean> {
  let handle
  try {
    handle = await open(path, 'r')
    const head = Buffer.alloc(2)
    const { bytesRead } = await handle.read(head, 0, 2, 0)
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b
  } catch {
    return false
  } finally {
    await handle?.close()
  }
}
