import { createHash } from 'node:crypto'
import {
  type EntrySummary,
  ArtifactError,
  type ArtifactFormat,
  type Entry,
  type OpenedArtifact,
} from './types.js'
import {
  HEAD_BYTES,
  HeadCollector,
  NESTED_IN_MEMORY,
  STREAM_ABOVE,
  TailCollector,
  WholeCollector,
  type ChunkSink,
} from './body.js'
import { ZIP_TAIL, zipAfterScript } from './zip-layout.js'
import { Budget, LimitExceeded, MAX_MANIFEST_BYTES, type SafetyLimits } from './limits.js'
import { BROTLI } from './compressed-asset.js'
import { openNested } from './nested.js'
import { sniff } from './sniff.js'
import type { OpenOptions } from './open.js'

/**
 * Content that was not read: a safety limit stopped reading, or a nested archive could not be
 * opened. The archive rules report it (`archive/<kind>`); it is never treated as clean.
 */
export interface ReadProblem {
  kind: 'limit-exceeded' | 'unreadable-entry'
  /** The entry it is about. */
  file: string
  message: string
  /** Extra identity (the limit's name) when one entry can have several. */
  key?: string
}

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
  problems: ReadProblem[]
}

/** What the rules do with each entry as it is read. */
export interface EntryHooks {
  /** Sinks for the bytes of a file that comes as a stream (`Entry.body`), called before `entry`. */
  stream?(e: Entry): ChunkSink[]
  /** Called for every entry; a streamed file has no `content` then, only `head`. */
  entry?(e: Entry): void
  /**
   * Awaited between entries and chunks when it returns a promise: the rules' work may lag behind
   * reading (a worker). Undefined when reading may go on at once (no await, no turn per entry).
   */
  ready?(): Promise<void> | undefined
}

/**
 * Reads an artifact entry by entry, handing each one (and each entry of nested archives,
 * depth-limited) to the hooks before the next is read. Only summaries are kept.
 */
export async function readArtifact(
  path: string,
  opts: ReadOptions,
  hooks: EntryHooks = {},
): Promise<ReadResult> {
  const out: ReadResult = { entries: [], files: 0, bytes: 0, problems: [] }
  const { maxDepth } = opts.limits

  const visit = async (e: Entry, budget: Budget): Promise<void> => {
    const depth = e.depth ?? 0
    const wait = hooks.ready?.()
    if (wait) await wait
    const streamed = e.body
      ? await pump(e, { top: depth === 0, hash: depth === 0 && opts.hash }, hooks)
      : undefined
    if (depth === 0) record(e, streamed)
    hooks.entry?.(e)
    // A streamed archive is opened from its bytes, kept aside while the rules streamed it.
    if (streamed?.whole) e.content = streamed.whole
    if (streamed?.tooLarge) {
      out.problems.push({
        kind: 'limit-exceeded',
        file: e.path,
        message: `${e.path} is an archive over ${NESTED_IN_MEMORY / 2 ** 20} MiB inside the artifact; nested archives are opened in memory, so its content was not checked`,
      })
    }
    if (streamed?.zipAfterScript) {
      out.problems.push({
        kind: 'unreadable-entry',
        file: e.path,
        message: `${e.path} is a script with a zip after it (an executable jar or a Python zipapp) over ${STREAM_ABOVE / 2 ** 20} MiB; such a zip is opened only when smaller, so its content was not checked`,
      })
    }
    const nested = e.type === 'file' ? openNested(e, budget) : undefined
    if (!nested) return
    if ('unsupported' in nested) {
      out.problems.push({
        kind: 'unreadable-entry',
        file: e.path,
        message: `${e.path} is a ${nested.unsupported} archive, a format packguard does not read; its content was not checked`,
      })
      return
    }
    const inner = nested.entries
    if (depth >= maxDepth) {
      out.problems.push({
        kind: 'limit-exceeded',
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
        kind: 'unreadable-entry',
        file: e.path,
        message: `nested archive ${e.path} cannot be read completely (${err.cause_}); its content was not checked`,
      })
    }
  }

  const record = (e: Entry, streamed?: Streamed) => {
    const s: EntrySummary = {
      path: e.path,
      rawPath: e.rawPath,
      type: e.type,
      mode: e.mode,
      size: e.size,
    }
    if (e.linkTarget !== undefined) s.linkTarget = e.linkTarget
    if (opts.hash && e.content) s.sha256 = createHash('sha256').update(e.content).digest('hex')
    if (opts.hash && streamed?.sha256) s.sha256 = streamed.sha256
    out.entries.push(s)
    if (e.type === 'file') {
      out.files++
      out.bytes += e.size
      const text = e.content ?? streamed?.whole
      if (e.path === 'package.json' && text && e.size <= MAX_MANIFEST_BYTES)
        out.packageJson = text.toString('utf8')
    }
  }

  try {
    const opened = await opts.open(path, { limits: opts.limits, pack: opts.pack })
    out.format = opened.format
    for await (const e of opened.entries) await visit(e, opened.budget)
  } catch (err) {
    if (err instanceof LimitExceeded) {
      out.problems.push({
        kind: 'limit-exceeded',
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

interface Streamed {
  sha256?: string
  /** A script (`#!`) whose last bytes are a zip's end: an executable jar or zipapp, too big to open. */
  zipAfterScript?: boolean
  /** The whole bytes, kept only for what must be read whole: archives and the root package.json. */
  whole?: Buffer
  /** A nested archive too large to hold (over NESTED_IN_MEMORY): it is not opened. */
  tooLarge?: boolean
}

/**
 * Streams a file's body through the rules' sinks, chunk by chunk, hashing it on the way and
 * keeping its head. The bytes are kept whole only for a nested archive (a zip needs random
 * access) and the root package.json.
 */
async function pump(
  e: Entry,
  opts: { top: boolean; hash: boolean },
  hooks: EntryHooks,
): Promise<Streamed> {
  const sinks = hooks.stream?.(e) ?? []
  const head = new HeadCollector(HEAD_BYTES)
  const hash = opts.hash ? createHash('sha256') : undefined
  // Until 512 bytes are in, whether to keep the whole file is not known.
  let whole: WholeCollector | undefined = new WholeCollector()
  let decided = false
  let tooLarge = false
  // A script may end as a zip (an executable jar): its last bytes tell, kept as they stream.
  let tail: TailCollector | undefined
  for await (const chunk of e.body as AsyncIterable<Buffer>) {
    if (!decided && head.size === 0)
      tail = chunk[0] === 0x23 && chunk[1] === 0x21 ? new TailCollector(ZIP_TAIL) : undefined
    tail?.write(chunk)
    head.write(chunk)
    hash?.update(chunk)
    whole?.write(chunk)
    if (!decided && head.size >= 512) {
      decided = true
      if (!keepWhole(e, head.bytes, opts.top)) whole = undefined
    }
    // Declared sizes can lie: the bytes kept are counted as they come.
    if (whole && whole.size > NESTED_IN_MEMORY) {
      whole = undefined
      tooLarge = true
    }
    for (const s of sinks) s.write(chunk)
    const wait = hooks.ready?.()
    if (wait) await wait
  }
  for (const s of sinks) s.end()
  e.head = head.bytes
  e.body = undefined
  if (!decided && !keepWhole(e, head.bytes, opts.top)) whole = undefined
  const zipEnd = tail ? zipAfterScript(head.bytes, tail.bytes, tail.total) : false
  return { sha256: hash?.digest('hex'), whole: whole?.bytes, tooLarge, zipAfterScript: zipEnd }
}

function keepWhole(e: Entry, head: Buffer, top: boolean): boolean {
  const sniffed = sniff(head.subarray(0, 512))
  const kind = sniffed.kind
  return (
    kind === 'zip' ||
    kind === 'tar' ||
    kind === 'gzip' ||
    kind === 'ar' ||
    (kind === 'unsupported' && sniffed.name === 'zstd') ||
    (kind === 'unknown' && BROTLI.ext.test(e.path)) ||
    (top && e.path === 'package.json' && e.size <= MAX_MANIFEST_BYTES)
  )
}
