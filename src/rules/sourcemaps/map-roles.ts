import type { ContentSum } from './copies.js'

/** Types, value roles and map keys of the streaming map reader (map-scan.ts). */

/** What one source map says about the original sources, gathered without parsing the whole map. */
export interface MapSources {
  /** `sources` paths, in order (index maps: every section's, concatenated). */
  sources: string[]
  /** Per source index, the embedded content's UTF-8 byte length (absent or null: none). */
  contentBytes: Array<number | undefined>
  /**
   * Per source index, the CRC-32 and length of the embedded content's UTF-8 bytes, for the
   * sources `WantSum` asked for (see ./copies.ts); absent when none was asked for.
   */
  contentSums?: Array<ContentSum | undefined>
  /**
   * Whether it is a source map by its content: `version: 3` with `mappings` and `sources`, or
   * with `sections` (an index map). Any other JSON object is read all the same.
   */
  isMap: boolean
}

/** Called with the map's bytes that are not embedded sources, as they are read (see MapScanner). */
export type OnRaw = (bytes: Buffer) => void

/** Whether an embedded source, by its `sources` path, is worth a checksum (a file may ship it). */
export type WantSum = (path: string) => boolean

/** Called with each non-empty embedded source as soon as it is parsed; it is dropped after. */
export type OnContent = (index: number, content: string) => void

/**
 * Looks at an embedded source's raw JSON text (between its quotes) first: its decoded length
 * when it need not be decoded (nothing in it for OnContent, and it is valid), else undefined.
 */
export type Skim = (raw: string) => number | undefined

export class MalformedMap extends Error {
  override name = 'MalformedMap'
}

/** Other strings (names, unknown fields, the start of `mappings`) held to decode escapes. */
export const ESCAPE_HOLD = 64 * 1024
/** Hostile maps nest `[[[[...`: the stack is an array, not JS calls, but it still has a bound. */
export const MAX_DEPTH = 10_000
/** A path or an embedded source is held whole to be parsed: past 64 MiB (raw) it is refused. */
export const MAX_STRING = 64 * 1024 * 1024
/** A longer key (raw) cannot be `sources`, `sourcesContent`, `sections` or `map`, even escaped. */
export const MAX_KEY = 256

export const NON_ASCII = /[\u0080-\uffff]/

// Roles: what a value is for. Containers keep theirs on the stack, strings while being read.
export const SKIP = 0 // checked for syntax, nothing kept: `mappings`, `names`, unknown keys
export const MAP = 1 // a map object, whose `sources`, `sourcesContent` and `sections` are read
export const MAP_OR_SKIP = 2 // a section's `map`: read when it is an object
export const SECTION = 3 // one entry of `sections`
export const SOURCES = 4
export const CONTENTS = 5 // `sourcesContent`
export const SECTIONS = 6
export const PATH = 7 // one entry of `sources`
export const CONTENT = 8 // one entry of `sourcesContent`
export const NAME = 9 // a key of a MAP or SECTION, read to choose its value's role
export const VERSION = 10 // the top map's `version`

/** What each entry of an array with this role is for. */
export const ITEM_ROLE = [SKIP, SKIP, SKIP, SKIP, PATH, CONTENT, SECTION, SKIP, SKIP, SKIP, SKIP]

/** Keys a map or section has once: a second one is read differently by different tools. */
export const KEY_BIT: Record<string, number> = {
  version: 1,
  mappings: 2,
  sources: 4,
  sourcesContent: 8,
  sections: 16,
  file: 32,
  sourceRoot: 64,
  names: 128,
  map: 256,
  offset: 512,
}
/**
 * Top-level keys that say a JSON object means to be a map (evidence for `sourcemap/malformed`):
 * keys only maps have. `sources` alone is not (gyp files, tsconfigs and build configs have it).
 */
export const MAP_KEYS = KEY_BIT.mappings | KEY_BIT.sourcesContent | KEY_BIT.sections

/**
 * A path as decoded from latin1 bytes: raw UTF-8 bytes are decoded as UTF-8, while `\u00e9`
 * escapes are characters already. Most paths are ASCII and stay as they are.
 */
export function utf8(text: string, raw: string): string {
  return NON_ASCII.test(raw) ? Buffer.from(text, 'latin1').toString('utf8') : text
}

export function keyRole(parent: number, key: string): number {
  if (parent === MAP) {
    if (key === 'sources') return SOURCES
    if (key === 'sourcesContent') return CONTENTS
    if (key === 'sections') return SECTIONS
  }
  return parent === SECTION && key === 'map' ? MAP_OR_SKIP : SKIP
}
