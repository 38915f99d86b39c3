import { formatCount, formatSize } from '../../config/units.js'
import type { MapSources } from './map-scan.js'
import { BUNDLER_SCHEME } from './copies.js'

/** What the embedded sources of a map amount to: first-party vs dependency, bytes, top folders. */
export interface SourcesSummary {
  firstParty: number
  firstPartyBytes: number
  dependencies: number
  dependencyBytes: number
  /** First-party folders by number of embedded files, most first. */
  topFolders: Array<[string, number]>
}

const DEPENDENCY =
  /(^|[/\\])(node_modules|bower_components|jspm_packages)[/\\]|^webpack\/|^\(webpack\)/

/** Strips bundler URL schemes (`webpack://app/`, `file://`) to the path the source had. */
function cleanPath(p: string): string {
  return p.replace(BUNDLER_SCHEME, '').replace(/^(\.\/)+/, '')
}

/** The folder a source path is counted under: leading `../` segments plus the first name. */
function topFolder(p: string): string {
  const parts = cleanPath(p).split('/')
  let i = 0
  while (parts[i] === '..') i++
  return i < parts.length - 1
    ? `${parts.slice(0, i + 1).join('/')}/`
    : parts.slice(0, i).join('/') + (i ? '/' : './')
}

/** Whether a `sources` path is dependency code (node_modules, the bundler's runtime). */
export function isDependency(path: string): boolean {
  return DEPENDENCY.test(cleanPath(path)) || DEPENDENCY.test(path)
}

export function summarize(map: MapSources, onlyEmbedded: boolean): SourcesSummary {
  const s: SourcesSummary = {
    firstParty: 0,
    firstPartyBytes: 0,
    dependencies: 0,
    dependencyBytes: 0,
    topFolders: [],
  }
  const folders = new Map<string, number>()
  map.sources.forEach((path, i) => {
    const bytes = map.contentBytes[i]
    if (onlyEmbedded && bytes === undefined) return
    if (isDependency(path)) {
      s.dependencies++
      s.dependencyBytes += bytes ?? 0
    } else {
      s.firstParty++
      s.firstPartyBytes += bytes ?? 0
      const f = topFolder(path)
      folders.set(f, (folders.get(f) ?? 0) + 1)
    }
  })
  s.topFolders = [...folders].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  return s
}

const n = formatCount

/** "1,906 original source files (47 MB) from ../src/ and 2,850 from node_modules" */
export function describeSources(s: SourcesSummary, withBytes: boolean): string {
  const folders = s.topFolders.slice(0, 3).map(([f]) => f)
  const more = s.topFolders.length > 3 ? ` and ${s.topFolders.length - 3} more folder(s)` : ''
  const where = folders.length ? ` from ${folders.join(', ')}${more}` : ''
  const size = withBytes ? ` (${formatSize(s.firstPartyBytes)})` : ''
  let text = `${n(s.firstParty)} original source file${s.firstParty === 1 ? '' : 's'}${size}${where}`
  if (s.dependencies)
    text += ` and ${n(s.dependencies)} from node_modules${withBytes ? ` (${formatSize(s.dependencyBytes)})` : ''}`
  return text
}
