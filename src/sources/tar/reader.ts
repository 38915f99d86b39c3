import { STREAM_ABOVE } from '../body.js'
import { tooLarge, Budget, LimitExceeded } from '../limits.js'
import { showBytes } from '../names.js'
import { normalizeEntryPath, stripTop } from '../paths.js'
import { ArtifactError, type Entry } from '../types.js'
import { asFailure } from './errors.js'
import { gunzipped, isGzip } from './gzip.js'
import { TarParser, type TarHeader } from './parser.js'
import { TrailingCheck } from './trailing-data.js'

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
 * Reads a tar or gzipped tar as node-tar's strict Parser reads it (what npm extracts; see
 * TarParser) and yields its entries one by one, pulling input only as entries (and the bodies of
 * large files) are consumed: memory holds one input chunk's worth of entries. A file over
 * STREAM_ABOVE is handed on at its header with a `body` that reads its data as it is iterated.
 * Every unpacked byte (entry data, headers, what follows the end marker) counts toward the
 * budget, so skipped entries cannot hide a bomb. The archive must end with its end-of-archive
 * marker, or the read fails closed; data after the marker is reported on the last entry.
 */
export async function* readTar(
  input: AsyncIterable<Buffer> | Iterable<Buffer>,
  opts: TarOptions,
): AsyncGenerator<Entry> {
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
  // Where the current entry's data goes: a small file's pieces, a streamed body, or nowhere.
  let small: { entry: Entry; chunks: Buffer[] } | undefined
  let queue: BodyQueue | undefined
  const trailing = new TrailingCheck()

  const release = () => {
    if (pending?.queue) pending.queue.released = true
    else if (pending) ready.push(pending.entry)
    pending = undefined
  }
  const onEntry = (h: TarHeader) => {
    sawEntry = true
    release()
    small = undefined
    queue = undefined
    // The path npm writes (U+FFFD for bad bytes); rawPath keeps bad bytes apart (decodeName).
    const normalized = normalizeEntryPath(h.name.text)
    // The top folder is the first one npm sees: not that of a volume label it passes over.
    if (first && !h.skipped) {
      first = false
      top = opts.top?.(normalized)
    }
    const rawPath = h.name.raw
    const entry: Entry = {
      path: stripTop(normalized, top),
      rawPath,
      type: h.type,
      mode: (h.mode ?? 0) & 0o7777,
      size: h.size ?? 0,
    }
    current = entry.path || rawPath
    if (h.linkpath) entry.linkTarget = h.linkpath
    if (!h.name.valid) {
      entry.issues = [
        {
          kind: 'invalid-utf8-name',
          path: entry.path,
          detail: `its name is not valid UTF-8 ('${showBytes(rawPath)}'); npm writes it with U+FFFD in place of the bad bytes`,
        },
      ]
    }
    // node-tar reads a negative or garbled size as no size (an empty file, for npm too): the
    // bytes that follow are then parsed as headers, so the archive means what the reader wants.
    if (entry.type === 'file' && h.size === undefined) {
      throw new ArtifactError(
        opts.artifact,
        `corrupt tar: ${rawPath} has a negative or unreadable size field`,
      )
    }
    opts.budget.addEntry(current)
    if (entry.type !== 'file') {
      if (entry.path !== '') pending = { entry }
    } else if (!opts.budget.entryFits(entry.size)) {
      entry.unreadable = tooLarge(opts.budget)
      pending = { entry }
    } else if (entry.size > STREAM_ABOVE) {
      // Handed on now: its bytes are read as the consumer iterates the body.
      queue = { chunks: [], released: false, discard: false }
      entry.body = body(queue)
      ready.push(entry)
      pending = { entry, queue }
    } else {
      small = { entry, chunks: [] }
    }
  }
  const parser = new TarParser({
    onEntry,
    onData(chunk) {
      if (small) small.chunks.push(chunk)
      else if (queue && !queue.discard) queue.chunks.push(chunk)
    },
    onEntryEnd() {
      if (small) {
        const { entry, chunks } = small
        entry.content = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
        pending = { entry }
      }
      small = undefined
      queue = undefined
    },
    onEnd() {
      sawEof = true
    },
    onTrailing(bytes) {
      trailing.add(bytes)
    },
  })

  let iterator: AsyncIterator<Buffer> | undefined
  let ended = false
  /** Feeds one more input chunk to the parser; false once the input is over and checked. */
  const step = async (): Promise<boolean> => {
    if (failure) throw failure
    if (ended) return false
    try {
      if (!iterator) {
        const source = await isGzip(input, opts)
        iterator = (source.gzip ? gunzipped(source.chunks) : source.chunks)[Symbol.asyncIterator]()
      }
      const next = await iterator.next()
      if (next.done) {
        ended = true
        finish()
        return false
      }
      const chunk = next.value
      opts.budget.addBytes(chunk.length, sawEof ? opts.artifact : current || opts.artifact)
      parser.write(chunk)
      return true
    } catch (err) {
      // Whoever meets it (the entry loop or a body being read), the read fails with one cause.
      failure = asFailure(err, sawEntry, opts.artifact)
      throw failure
    }
  }
  /** At the end of input: the archive must have ended properly; what follows is reported. */
  const finish = () => {
    let error: unknown
    try {
      parser.end()
    } catch (err) {
      error = err
    }
    if (!error && !sawEof) {
      error = new ArtifactError(
        opts.artifact,
        'truncated tar: the end-of-archive marker is missing',
      )
    }
    const junk = error ? undefined : trailing.describe()
    if (junk && pending) {
      const e = pending.entry
      e.issues = [...(e.issues ?? []), { kind: 'trailing-data', path: '', detail: junk }]
    }
    release()
    if (error) throw error
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
    throw asFailure(err, sawEntry, opts.artifact)
  } finally {
    // A read that failed or was left early stops its input, which closes the file.
    await iterator?.return?.()
  }
}

/** Reads past what the consumer left of a body. */
async function skipBody(body: AsyncIterable<Buffer>): Promise<void> {
  for await (const _ of body) void _
}
