import type { LimitExceeded } from '../limits.js'
import { ArtifactError, type ArchiveText, type Entry } from '../types.js'
import { TarEntries, type EntryOptions } from './entries.js'
import { asFailure } from './errors.js'
import { tarBytes } from './gzip.js'
import { TarParser } from './parser.js'

export interface TarOptions extends EntryOptions {
  /** Count input bytes toward the compression ratio (false for archives nested in another). */
  countCompressed?: boolean
  /** Gets the gzip header's texts (see tarBytes). */
  onTexts?: (texts: ArchiveText[]) => void
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
  // The gzip header's texts ride on the first entry.
  let texts: ArchiveText[] | undefined
  const reader = new TarReader(input, { ...opts, onTexts: (t) => (texts = t) })
  const { entries } = reader
  try {
    for (;;) {
      const e = entries.ready.shift()
      if (e) {
        if (texts) {
          e.texts = [...texts, ...(e.texts ?? [])]
          texts = undefined
        }
        yield e
        if (e.body) await skipBody(e.body)
      } else if (!(await reader.step()) && entries.ready.length === 0) {
        return
      }
    }
  } catch (err) {
    // What was read before the failure is still handed on, then the read fails.
    entries.release()
    for (const e of entries.ready.splice(0)) if (!e.body) yield e
    throw asFailure(err, entries.sawEntry, opts.artifact)
  } finally {
    // A read that failed or was left early stops its input, which closes the file.
    await reader.close()
  }
}

/**
 * The input side of one read: feeds the tar's bytes (gunzipped if need be) to the parser one
 * chunk at a time, when the entry loop or a body being iterated asks for more, counting each
 * toward the budget; at the end of input, checks that the archive ended as a tar must.
 */
class TarReader {
  readonly entries: TarEntries
  private readonly parser: TarParser
  /** The tar's bytes, opened at the first step (gzip is told from the first chunk). */
  private chunks: AsyncIterator<Buffer> | undefined
  private done = false
  /** Once set, every step throws it: the read fails with one cause, whoever meets it first. */
  private failure: ArtifactError | LimitExceeded | undefined

  constructor(
    private readonly input: AsyncIterable<Buffer> | Iterable<Buffer>,
    private readonly opts: TarOptions,
  ) {
    this.entries = new TarEntries(opts, () => this.step())
    this.parser = new TarParser(this.entries)
  }

  /** Feeds one more input chunk to the parser; false once the input is over and checked. */
  async step(): Promise<boolean> {
    if (this.failure) throw this.failure
    if (this.done) return false
    try {
      this.chunks ??= await tarBytes(this.input, this.opts)
      const next = await this.chunks.next()
      if (next.done) {
        this.done = true
        this.finish()
        return false
      }
      const chunk = next.value
      const { artifact } = this.opts
      // Bytes past the end marker are the archive's, not its last entry's.
      this.opts.budget.addBytes(
        chunk.length,
        this.parser.ended ? artifact : this.entries.current || artifact,
      )
      this.parser.write(chunk)
      return true
    } catch (err) {
      this.failure = asFailure(err, this.entries.sawEntry, this.opts.artifact)
      throw this.failure
    }
  }

  /** Stops the input (which closes the file) when the read failed or was left early. */
  async close(): Promise<void> {
    await this.chunks?.return?.()
  }

  /** At the end of input: the archive must have ended properly; what follows is reported. */
  private finish(): void {
    let error: unknown
    try {
      this.parser.end()
    } catch (err) {
      error = err
    }
    if (!error && !this.parser.ended) {
      error = new ArtifactError(
        this.opts.artifact,
        'truncated tar: the end-of-archive marker is missing',
      )
    }
    this.entries.finish(!error)
    if (error) throw error
  }
}

/** Reads past what the consumer left of a body. */
async function skipBody(body: AsyncIterable<Buffer>): Promise<void> {
  for await (const _ of body) void _
}
