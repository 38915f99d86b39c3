import type { Budget } from './limits.js'

/** What kind of thing an archive or folder entry is; rules never see how it was stored. */
export type EntryType =
  | 'file'
  | 'directory'
  | 'symlink'
  | 'hardlink'
  | 'char-device'
  | 'block-device'
  | 'fifo'
  | 'socket'
  | 'other'

/** One entry of an artifact, the same record whatever the source format. */
export interface Entry {
  /** Normalized path relative to the package root, `/`-separated, never absolute, no `..`. */
  path: string
  /** The name exactly as the archive or file system gave it. */
  rawPath: string
  type: EntryType
  /** Permission bits (e.g. 0o755); 0 when the format does not record them. */
  mode: number
  /** Declared size in bytes. */
  size: number
  /** Target of a symlink or hardlink, as recorded; never followed. */
  linkTarget?: string
  /** The bytes of a regular file; absent when not read (over the per-entry limit, unreadable). */
  content?: Buffer
  /** How many archives deep it was found: 0 (or absent) in the artifact itself. */
  depth?: number
  /** Why `content` is absent for a regular file: over a safety limit, or a format we cannot decode. */
  unreadable?: { kind: 'limit' | 'unsupported'; detail: string }
}

export type ArtifactFormat = 'tar' | 'tar+gzip' | 'zip' | 'directory' | 'npm-directory'

/** An artifact opened for reading: entries are produced one at a time, in archive order. */
export interface OpenedArtifact {
  format: ArtifactFormat
  entries: AsyncIterable<Entry>
  /** The artifact's reading budget; archives nested inside it share it. */
  budget: Budget
}

/** The artifact could not be read completely: the run must fail closed (exit 3). */
export class ArtifactError extends Error {
  constructor(
    readonly artifact: string,
    readonly cause_: string,
  ) {
    super(`${artifact}: ${cause_}`)
    this.name = 'ArtifactError'
  }
}
