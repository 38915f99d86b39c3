import { createHash } from 'node:crypto'
import type { EntrySummary, RawFinding } from './rules/types.js'
import { Budget, LimitExceeded, type SafetyLimits } from './sources/limits.js'
import { openNested } from './sources/nested.js'
import type { OpenOptions } from './sources/open.js'
import {
  ArtifactError,
  type ArtifactFormat,
  type Entry,
  type OpenedArtifact,
} from './sources/types.js'

export interface ReadOptions {
  open(path: string, opts: OpenOptions): Promise<OpenedArtifact>
  limits: SafetyLimits
  pack: boolean
  /** Compute sha256 of every top-level file (lockfiles, content drift). */
  hash: boolean
}

/** What reading one artifact gave: its top-level entries (no bytes), and the problems met. */
export interface ReadResult {
  format?: ArtifactFormat
  entries: EntrySummary[]
  files: number
  bytes: number
  /** The root package.json text, when there is one. */
  packageJson?: string
  /** Set when the artifact could not be read completely (exit 3). */
  error?: string
  /** Limits hit and nested archives that could not be read. */
  problems: RawFinding[]
}

/**
 * Reads an artifact entry by entry, handing each one (and each entry of nested archives,
 * depth-limited) to `onEntry` before the next is read. Only summaries are kept.
 */
export async function readArtifact(
  path: string,
  opts: ReadOptions,
  onEntry: (e: Entry) => void = () => {},
): Promise<ReadResult> {
  const out: ReadResult = { entries: [], files: 0, bytes: 0, problems: [] }
  const { maxDepth } = opts.limits

  const visit = async (e: Entry, budget: Budget): Promise<void> => {
    const depth = e.depth ?? 0
    if (depth === 0) record(e)
    onEntry(e)
    const inner = e.type === 'file' ? openNested(e, budget) : undefined
    if (!inner) return
    if (depth >= maxDepth) {
      out.problems.push({
        rule: 'archive/limit-exceeded',
        file: e.path,
        message: `${e.path} is an archive nested deeper than max-depth ${maxDepth}; its content was not checked`,
      })
      return
    }
    try {
      for await (const ie of inner) await visit(ie, budget)
    } catch (err) {
      if (!(err instanceof ArtifactError)) throw err
      out.problems.push({
        rule: 'archive/unreadable-entry',
        file: e.path,
        message: `nested archive ${e.path} cannot be read completely (${err.cause_}); its content was not checked`,
      })
    }
  }

  const record = (e: Entry) => {
    const s: EntrySummary = {
      path: e.path,
      rawPath: e.rawPath,
      type: e.type,
      mode: e.mode,
      size: e.size,
    }
    if (e.linkTarget !== undefined) s.linkTarget = e.linkTarget
    if (opts.hash && e.content) s.sha256 = createHash('sha256').update(e.content).digest('hex')
    out.entries.push(s)
    if (e.type === 'file') {
      out.files++
      out.bytes += e.size
      if (e.path === 'package.json' && e.content) out.packageJson = e.content.toString('utf8')
    }
  }

  try {
    const opened = await opts.open(path, { limits: opts.limits, pack: opts.pack })
    out.format = opened.format
    for await (const e of opened.entries) await visit(e, opened.budget)
  } catch (err) {
    if (err instanceof LimitExceeded) {
      out.problems.push({
        rule: 'archive/limit-exceeded',
        file: err.file,
        message: `${err.message}; the rest of the artifact was not checked`,
        key: err.limit,
      })
    } else {
      out.error =
        err instanceof ArtifactError ? err.cause_ : `unreadable: ${(err as Error).message}`
    }
  }
  return out
}
