import { formatCount } from '../../config/units.js'
import type { RawFinding } from '../../findings.js'
import { describeSources, type SourcesSummary } from './sources-summary.js'

/** A map file without embedded sources: it ships the source tree's shape, not its code. */
export interface ListedMap {
  path: string
  size: number
  listed: SourcesSummary
}

/** Declaration maps exist for an editor's go-to-definition: expected beside `.d.ts` files. */
export const isDeclarationMap = (path: string) => /\.d\.[mc]?ts\.map$/i.test(path)

/**
 * One `sourcemap/file` finding for all the maps of an artifact that embed no sources: how many,
 * how many source files they list and from which folders, and the first few maps.
 */
export function listedMapsFinding(maps: ListedMap[]): RawFinding<'sourcemap/file'> | undefined {
  if (maps.length === 0) return undefined
  const folders = new Map<string, number>()
  let files = 0
  let bytes = 0
  for (const m of maps) {
    files += m.listed.firstParty + m.listed.dependencies
    bytes += m.size
    for (const [f, n] of m.listed.topFolders) folders.set(f, (folders.get(f) ?? 0) + n)
  }
  const top = [...folders]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([f]) => f)
  const from = top.length ? ` from ${top.join(', ')}` : ''
  const listing = files ? `, listing ${formatCount(files)} original source file(s)${from}` : ''
  const first = maps.slice(0, 3).map((m) => m.path)
  const more = maps.length > 3 ? `, and ${formatCount(maps.length - 3)} more` : ''
  const message =
    maps.length === 1
      ? `source map ${maps[0].path} ${one(maps[0].listed)}`
      : `${formatCount(maps.length)} source maps ship without embedded sources${listing}: ${first.join(', ')}${more}`
  return {
    rule: 'sourcemap/file',
    file: maps[0].path,
    message,
    key: 'maps',
    data: { maps: maps.length, listedFiles: files, mapBytes: bytes },
  }
}

/** What one map without content shows: the files it lists, or that it lists none. */
function one(listed: SourcesSummary): string {
  return listed.firstParty + listed.dependencies > 0
    ? `lists ${describeSources(listed, false)} (no embedded content)`
    : 'ships (no sources listed)'
}
