import { Parser, type ReadEntry } from 'tar'
import { STREAM_ABOVE } from './body.js'
import { tooLarge, Budget, LimitExceeded } from './limits.js'
import { normalizeEntryPath, stripTop } from './paths.js'
import { gunzipped, isGzip, TrailingCheck } from './tar-stream.js'
import { ArtifactError, type Entry, type EntryType } from './types.js'

const TYPES: Record<string, EntryType> = {
  File: 'file',
  OldFile: 'file',
  ContiguousFile: 'file',
  Directory: 'directory',
  SymbolicLink: 'symlink',
  Link: 'hardlink',
  CharacterDevice: 'char-device',
  BlockDevice: 'block-device',
  FIFO: 'fifo',
}

export interface TarOptions {
  /** Name used in error messages. */
  artifact: string
  /** A top folder to strip from every path under it (`package` for npm). */
  top?: (firstPath: string) => string | undefined
  budget: Budget
  /** Count input bytes toward the compression ratio (false for archives nested in another). */
  countCompressed?: boolean
}

/** The chunks of a streamed entry's data, queued as the parser produces them. */
interface BodyQueue {
  chunks: Buffer[]
  /** Set when the entry's data has ended and what follows it is known (next header or end). */
  released: boolean
  /** The consumer no longer wants the bytes. */
  discard: boolean
}

/**
 * Reads a tar or gzipped tar with node-tar's strict Parser (what npm uses) and yields its
 * entries one by one, pulling input only as entries (and the bodies of large files) are
 * consumed: memory holds one input chunk's worth of entries. A file over STREAM_ABOVE is handed
 * on at its header with a `body` that reads its data as it is iterated. Every unpacked byte
 * (entry data, headers, what follows the end marker) counts toward the budget, so skipped
 * entries cannot hide a bomb. The archive must end with its end-of-archive marker, or the read
 * fails closed; data after the marker is reported on the last entry.
 */
export async function* readTar(
  input: AsyncIterable<Buffer> | Iterable<Buffer>,
  opts: TarOptions,
): AsyncGenerator<Entry> {
  // zstd: false: the bytes are already unpacked, node-tar must not sniff them again.
  const parser = new Parser({
    strict: true,
    zstd: false,
    maxDecompressionRatio: Number.MAX_SAFE_INTEGER,
  })
  const ready: Entry[] = []
  // The last entry waits for the next header: if none comes, the archive's own issues
  // (trailing data) are attached to it before it is released.
  let pending: { entry: Entry; queue?: BodyQueue } | undefined
  let failure: ArtifactError | LimitExceeded | undefined
  let sawEof = false
  let top: string | undefined
  let first = true
  let sawEntry = false
  let current = ''
  const trailing = new TrailingCheck()

  const release = () => {
    if (pending?.queue) pending.queue.released = true
    else if (pending) ready.push(pending.entry)
    pending = undefined
  }
  parser.on('error', (err: Error) => {
    failure ??= describe(err, sawEntry, opts.artifact)
  })
  parser.on('eof', () => {
    sawEof = true
  })
  parser.on('entry', (re: ReadEntry) => {
    sawEntry = true
    release()
    // header.path is the name as stored; on Windows node-tar's re.path has `\` turned into `/`.
    const rawPath = String(re.header?.path ?? re.path)
    const normalized = normalizeEntryPath(rawPath)
    if (first) {
      first = false
      top = opts.top?.(normalized)
    }
    const entry: Entry = {
      path: stripTop(normalized, top),
      rawPath,
      type: TYPES[re.type] ?? 'other',
      mode: (re.mode ?? 0) & 0o7777,
      size: re.size ?? 0,
    }
    current = entry.path || rawPath
    if (re.linkpath) entry.linkTarget = String(re.linkpath)
    // node-tar decodes names as UTF-8 with U+FFFD for bad bytes, as npm then writes them.
    if (rawPath.includes('\ufffd')) {
      entry.issues = [
        {
          kind: 'invalid-utf8-name',
          path: entry.path,
          detail:
            'its name is not valid UTF-8; npm writes it with U+FFFD in place of the bad bytes',
        },
      ]
    }
    // node-tar reads a negative or garbled size as no size (an empty file, for npm too): the
    // bytes that follow are then parsed as headers, so the archive means what the reader wants.
    if (entry.type === 'file' && re.header?.size === undefined) {
      failure ??= new ArtifactError(
        opts.artifact,
        `corrupt tar: ${rawPath} has a negative or unreadable size field`,
      )
    }
    try {
      opts.budget.addEntry(current)
    } catch (err) {
      failure ??= err as LimitExceeded
      re.resume()
      return
    }
    if (entry.type !== 'file') {
      re.resume()
      if (entry.path !== '') pending = { entry }
      return
    }
    if (!opts.budget.entryFits(entry.size)) {
      entry.unreadable = tooLarge(opts.budget)
      re.resume()
      pending = { entry }
      return
    }
    if (entry.size > STREAM_ABOVE) {
      // Handed on now: its bytes are read as the consumer iterates the body.
      const queue: BodyQueue = { chunks: [], released: false, discard: false }
      entry.body = body(queue)
      re.on('data', (c: Buffer) => {
        if (!queue.discard) queue.chunks.push(c)
      })
      ready.push(entry)
      pending = { entry, queue }
      return
    }
    const chunks: Buffer[] = []
    re.on('data', (c: Buffer) => {
      chunks.push(c)
    })
    re.on('end', () => {
      entry.content = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
      pending = { entry }
    })
  })

  let iterator: AsyncIterator<Buffer> | undefined
  let ended = false
  /** Feeds one more input chunk to the parser; false once the input is over and checked. */
  const step = async (): Promise<boolean> => {
    if (ended) {
      if (failure) throw failure
      return false
    }
    if (!iterator) {
      const source = await isGzip(input, opts)
      iterator = (source.gzip ? gunzipped(source.chunks) : source.chunks)[Symbol.asyncIterator]()
    }
    const next = await iterator.next()
    if (next.done) {
      ended = true
      finish()
      if (failure) throw failure
      return false
    }
    const chunk = next.value
    opts.budget.addBytes(chunk.length, sawEof ? opts.artifact : current || opts.artifact)
    if (sawEof) {
      trailing.add(chunk)
      return true
    }
    parser.write(chunk)
    if (failure) throw failure
    if (sawEof) trailing.add(remainder(parser))
    return true
  }
  /** At the end of input: the archive must have ended properly; what follows is reported. */
  const finish = () => {
    parser.end()
    if (!failure && !sawEof) {
      failure = new ArtifactError(
        opts.artifact,
        'truncated tar: the end-of-archive marker is missing',
      )
    }
    const junk = failure ? undefined : trailing.describe()
    if (junk && pending) {
      const e = pending.entry
      e.issues = [...(e.issues ?? []), { kind: 'trailing-data', path: '', detail: junk }]
    }
    release()
  }
  async function* body(queue: BodyQueue): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const chunk = queue.chunks.shift()
        if (chunk) yield chunk
        else if (queue.released || !(await step())) return
      }
    } finally {
      // A consumer that stops early: the rest of the data is parsed but not kept.
      queue.discard = true
      queue.chunks.length = 0
    }
  }

  try {
    for (;;) {
      const e = ready.shift()
      if (e) {
        yield e
        if (e.body) await skipBody(e.body)
      } else if (!(await step()) && ready.length === 0) {
        return
      }
    }
  } catch (err) {
    // What was read before the failure is still handed on, then the read fails.
    release()
    for (const e of ready.splice(0)) if (!e.body) yield e
    if (err instanceof ArtifactError || err instanceof LimitExceeded) throw err
    throw gzipError(err as Error, opts.artifact)
  }
}

/** Reads past what the consumer left of a body. */
async function skipBody(body: AsyncIterable<Buffer>): Promise<void> {
  for await (const _ of body) void _
}

/**
 * What node-tar buffered after the end marker in the chunk that held it (node-tar keeps it in
 * its `buffer` slot and reads no further). A test pins this down, so a node-tar change shows.
 */
function remainder(parser: Parser): Buffer {
  const slot = Object.getOwnPropertySymbols(parser).find((s) => s.description === 'buffer')
  const value = slot ? (parser as unknown as Record<symbol, unknown>)[slot] : undefined
  return Buffer.isBuffer(value) ? value : Buffer.alloc(0)
}

function gzipError(err: Error, artifact: string): ArtifactError {
  const code = (err as NodeJS.ErrnoException).code ?? ''
  if (/^Z_|^ERR_ZLIB/.test(code) || /zlib|header check|end of file|invalid/i.test(err.message)) {
    return new ArtifactError(artifact, `corrupt or truncated gzip data (${err.message})`)
  }
  return new ArtifactError(artifact, `unreadable: ${err.message}`)
}

function describe(err: Error, sawEntry: boolean, artifact: string): ArtifactError | LimitExceeded {
  if (err instanceof LimitExceeded) return err
  const msg = err.message.replace(/^TAR_[A-Z_]+: /, '')
  const cause = /zlib/.test(msg)
    ? `corrupt or truncated gzip data (${msg.replace(/^zlib: /, '')})`
    : /Unrecognized archive format/.test(msg) || (!sawEntry && /checksum failure/.test(msg))
      ? 'not a tar archive (no valid tar header found)'
      : /checksum failure/.test(msg)
        ? 'corrupt tar: header checksum failure'
        : /Truncated input/.test(msg)
          ? `truncated tar: ${msg}`
          : `unreadable tar: ${msg}`
  return new ArtifactError(artifact, cause)
}
