import { posix } from 'node:path'
import { crc32 } from 'node:zlib'
import type { Entry } from '../../sources/types.js'

/**
 * Embedded sources that ship beside their map anyway. A map whose first-party sources are all
 * shipped, byte for byte, as files of the same artifact exposes nothing the artifact does not
 * already show: a TypeScript package that ships `src/` with `dist/*.js.map` is the usual case.
 *
 * Only sources whose path resolves to a file inside the artifact are compared, so a map of
 * sources that stay home (`../src/...` above the package root, the incident) costs nothing here.
 */

/** A bundler URL scheme and namespace (`webpack://app/`, `file://`): relative to the project. */
export const BUNDLER_SCHEME = /^[a-z][\w+.-]*:\/\/[^/]*\/?/i

/** The artifact path a map's source names, or undefined when it lies outside the artifact. */
export function sourceFileOf(mapPath: string, source: string): string | undefined {
  if (!source || source.includes('\0') || source.startsWith('/')) return undefined
  // `webpack://name/./src/a.ts` is relative to the project, not to the map.
  const scheme = BUNDLER_SCHEME.exec(source)
  const joined = scheme
    ? posix.normalize(source.slice(scheme[0].length))
    : posix.join(posix.dirname(mapPath), source)
  const path = posix.normalize(joined).replace(/^(\.\/)+/, '')
  if (path === '.' || path.startsWith('../') || path === '..' || path.startsWith('/'))
    return undefined
  return path
}

/**
 * The CRC-32 of a decoded embedded source's UTF-8 bytes. Its text was decoded from latin1 bytes:
 * when those held non-ASCII (raw UTF-8), each character is one byte of it.
 */
export function contentSum(text: string, rawNonAscii: boolean): ContentSum {
  const bytes = rawNonAscii ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8')
  return { crc: crc32(bytes), bytes: bytes.length }
}

/** What an embedded source or a shipped file is compared by. */
export interface ContentSum {
  crc: number
  bytes: number
}

/** Files whose content may be an embedded source: code and styles. */
const SOURCE_LIKE = /\.(m?[jt]sx?|c[jt]s|vue|svelte|astro|coffee|s?css|sass|less|styl|elm|re|res)$/i

/** One embedded first-party source that may ship as a file, with its content's checksum. */
export interface Copy extends ContentSum {
  file: string
}

/**
 * The checksums of the files that maps read so far name as their sources. Only files that come
 * after their map in the archive are compared: hashing every file in case a later map names it
 * would cost the whole package's bytes again, and npm packs `dist/` and `lib/` before `src/`.
 * A source whose file came first is not known to ship, so its map is judged as any other.
 */
export class ShippedFiles {
  private readonly wanted = new Set<string>()
  private readonly sums = new Map<string, ContentSum>()

  /** Files to sum when they come: a map's copies, as soon as the map is read. */
  want(copies: readonly Copy[]): void {
    for (const c of copies) this.wanted.add(c.file)
  }

  /** Notes a file read whole (top level only: nested archives have their own maps). */
  note(e: Entry): void {
    if (e.depth || e.type !== 'file' || !e.content || !this.wanted.has(e.path)) return
    this.sums.set(e.path, { crc: crc32(e.content), bytes: e.content.length })
  }

  /** Whether every copy ships as a file with the same bytes. */
  allShipped(copies: readonly Copy[]): boolean {
    return copies.every((c) => {
      const f = this.sums.get(c.file)
      return f !== undefined && f.crc === c.crc && f.bytes === c.bytes
    })
  }
}

/** Whether an embedded source, by its path, could ship as a file checked by ShippedFiles. */
export function mayShip(mapPath: string, source: string): boolean {
  const file = sourceFileOf(mapPath, source)
  return file !== undefined && SOURCE_LIKE.test(file)
}
