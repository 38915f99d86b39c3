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
  /**
   * Normalized path relative to the package root, `/`-separated, never absolute, no `..`. Bytes
   * of a name that are not valid UTF-8 appear as `\xNN` (where the source keeps them: zip,
   * folder), so distinct names never share a path.
   */
  path: string
  /**
   * The name as the archive or file system gave it. Bytes that are not UTF-8 show as U+FFFD
   * (zip, folder) or, in tar, as the lone surrogate U+DC00+byte, so distinct raw names stay
   * distinct.
   */
  rawPath: string
  type: EntryType
  /** Permission bits (e.g. 0o755); 0 when the format does not record them. */
  mode: number
  /** Declared size in bytes. */
  size: number
  /** Target of a symlink or hardlink, as recorded; never followed. */
  linkTarget?: string
  /**
   * The bytes of a regular file up to STREAM_ABOVE; absent when not read (over the per-entry
   * limit, unreadable) or when the file is larger and comes as `body` instead.
   */
  content?: Buffer
  /**
   * The bytes of a regular file larger than STREAM_ABOVE, read chunk by chunk as they are
   * consumed, once: it is never held whole. The reader hands it to the rules' sinks before it
   * asks for the next entry (an unconsumed body is skipped).
   */
  body?: AsyncIterable<Buffer>
  /** The first bytes (up to HEAD_BYTES) of a file read as `body`, set once it has been read. */
  head?: Buffer
  /** How many archives deep it was found: 0 (or absent) in the artifact itself. */
  depth?: number
  /** Why `content` is absent for a regular file: over a safety limit, a format we cannot decode, or damaged data. */
  unreadable?: { kind: 'limit' | 'unsupported' | 'corrupt'; detail: string }
  /** What the reader saw wrong in how this entry (or the archive around it) is stored. */
  issues?: ArchiveIssue[]
  /** Text the archive keeps beside the entry or itself (comments, extended attributes). */
  texts?: ArchiveText[]
}

/**
 * Text an archive keeps outside its entries' data: a zip's or a zip entry's comment, a gzip
 * header's name and comment, a pax `comment` or extended attribute. Rules scan it for secrets
 * like any file. `path` is where it is attributed: `<entry>!pax:comment`, `<entry>!comment`, or,
 * for the archive itself, `!comment` / `!gzip-comment` (the archive's name goes in front). Texts
 * of the archive ride on its first entry.
 */
export interface ArchiveText {
  path: string
  text: string
}

/** An entry without its bytes: what rules get at the end of an artifact. */
export interface EntrySummary {
  path: string
  rawPath: string
  type: EntryType
  mode: number
  size: number
  linkTarget?: string
  /** Hex sha256 of the content, when drift compares content. */
  sha256?: string
}

/**
 * A structural problem met while reading, reported by the `archive/<kind>` rule. Problems of the
 * whole archive (bytes after the end marker, zip data no entry covers) ride on the archive's last
 * entry, since entries are the only thing a source hands to rules.
 */
export interface ArchiveIssue {
  kind: 'trailing-data' | 'zip-mismatch' | 'invalid-utf8-name' | 'ambiguous-name'
  detail: string
  /** The entry it is about, or '' for the archive itself; nested readers prefix it. */
  path: string
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

/** Records an issue on an entry. */
export function addIssue(entry: Entry, issue: ArchiveIssue): void {
  ;(entry.issues ??= []).push(issue)
}
