import { createGunzip, type Gunzip, type ZlibOptions } from 'node:zlib'
import type { Budget } from '../limits.js'
import type { ArchiveText } from '../types.js'

const CHUNK = 64 * 1024

/**
 * The tar's bytes: the input gunzipped when its first bytes say gzip, as it is otherwise. Every
 * input byte counts toward the budget's compression ratio (unless the input is an archive
 * nested in another).
 */
export async function tarBytes(
  input: AsyncIterable<Buffer> | Iterable<Buffer>,
  opts: {
    budget: Budget
    countCompressed?: boolean
    /** Gets the first gzip header's name and comment, when it has them. */
    onTexts?: (texts: ArchiveText[]) => void
  },
): Promise<AsyncIterator<Buffer>> {
  const source = await sniffGzip(input, opts)
  if (source.gzip && source.head && opts.onTexts) {
    const texts = gzipHeaderTexts(source.head)
    if (texts.length > 0) opts.onTexts(texts)
  }
  return (source.gzip ? gunzipped(source.chunks) : source.chunks)[Symbol.asyncIterator]()
}

/** Looks at the first bytes to tell gzip from plain tar; the chunks come whole all the same. */
async function sniffGzip(
  input: AsyncIterable<Buffer> | Iterable<Buffer>,
  opts: { budget: Budget; countCompressed?: boolean },
): Promise<{ gzip: boolean; chunks: AsyncIterable<Buffer>; head?: Buffer }> {
  const it = counted(input, opts)
  const head = await it.next()
  const rest: AsyncIterable<Buffer> = {
    [Symbol.asyncIterator]: () => it,
  }
  const chunks = head.done ? rest : prepend(head.value, rest)
  const gzip =
    !head.done && head.value.length >= 2 && head.value[0] === 0x1f && head.value[1] === 0x8b
  return { gzip, chunks, head: head.done ? undefined : head.value }
}

const FEXTRA = 4
const FNAME = 8
const FCOMMENT = 16

/**
 * The FNAME and FCOMMENT fields of a gzip header (RFC 1952), read from the first chunk (a field
 * cut off by its end is read as far as it goes): text that ships with the archive and that no
 * extraction shows. Latin-1, as the RFC says.
 */
export function gzipHeaderTexts(head: Buffer): ArchiveText[] {
  const flags = head[3]
  let at = 10
  if (flags & FEXTRA) at += 2 + (head.length >= 12 ? head.readUInt16LE(10) : 0)
  const texts: ArchiveText[] = []
  for (const [flag, path] of [
    [FNAME, '!gzip-name'],
    [FCOMMENT, '!gzip-comment'],
  ] as const) {
    if (!(flags & flag) || at >= head.length) continue
    const end = head.indexOf(0, at)
    const stop = end < 0 ? head.length : end
    texts.push({ path, text: head.toString('latin1', at, stop) })
    at = stop + 1
  }
  return texts
}

async function* counted(
  input: AsyncIterable<Buffer> | Iterable<Buffer>,
  opts: { budget: Budget; countCompressed?: boolean },
): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    if (opts.countCompressed !== false) opts.budget.addCompressed(chunk.length)
    yield chunk
  }
}

async function* prepend(first: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield first
    yield* rest
  } finally {
    // Left at the first chunk, the rest (and the file it reads) must be stopped too.
    await rest[Symbol.asyncIterator]().return?.()
  }
}

/**
 * Node's own gunzip, which is what npm's tar uses underneath: every gzip member is read, one
 * after another, and a damaged or truncated stream is an error. Output comes in pieces with
 * backpressure, so a bomb is never held in memory.
 */
export function gunzipped(chunks: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  // zlib inflates on the thread pool: pieces of 256 KiB and 2 MiB of read-ahead let it work
  // while the tar is parsed, which keeps the read as fast as node-tar's own (synchronous) gunzip.
  // Node hands zlib options on to its Transform (highWaterMark is not in the zlib typings); were
  // it ignored, only speed would change.
  const options = { chunkSize: 4 * CHUNK, highWaterMark: 32 * CHUNK } as ZlibOptions
  const gz = createGunzip(options)
  const fed = feed(chunks, gz)
  return {
    [Symbol.asyncIterator]() {
      const out = gz[Symbol.asyncIterator]()
      return {
        next: () => out.next(),
        // Stopping early resolves once the input has stopped too (its file closed).
        return: async () => {
          const r = await out.return!()
          await fed
          return r
        },
      }
    },
  }
}

/**
 * Writes each chunk to zlib and asks for the next only once zlib has consumed it, so the input
 * may reuse its buffers (see `fileChunks`). A failed read ends the output with that error;
 * output that closes first (damaged data, a consumer that stopped) ends the reading, whose
 * file is then closed: zlib never calls back for a write it was destroyed in the middle of.
 */
async function feed(chunks: AsyncIterable<Buffer>, gz: Gunzip): Promise<void> {
  const closed = new Promise<boolean>((resolve) => gz.once('close', () => resolve(false)))
  try {
    for await (const chunk of chunks) {
      const written = new Promise<boolean>((resolve) => gz.write(chunk, (err) => resolve(!err)))
      if (!(await Promise.race([written, closed]))) return
    }
    gz.end()
  } catch (err) {
    gz.destroy(err as Error)
  }
}
