import { pipeline, Readable } from 'node:stream'
import { createGunzip, type ZlibOptions } from 'node:zlib'
import type { Budget } from './limits.js'

const CHUNK = 64 * 1024
const ZEROS = Buffer.alloc(CHUNK)

/**
 * Looks at the first bytes to tell gzip from plain tar, and counts every input byte toward the
 * budget's compression ratio (unless the input is an archive nested in another).
 */
export async function isGzip(
  input: AsyncIterable<Buffer> | Iterable<Buffer>,
  opts: { budget: Budget; countCompressed?: boolean },
): Promise<{ gzip: boolean; chunks: AsyncIterable<Buffer> }> {
  const it = counted(input, opts)
  const head = await it.next()
  const rest: AsyncIterable<Buffer> = {
    [Symbol.asyncIterator]: () => it,
  }
  const chunks = head.done ? rest : prepend(head.value, rest)
  const gzip =
    !head.done && head.value.length >= 2 && head.value[0] === 0x1f && head.value[1] === 0x8b
  return { gzip, chunks }
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
  yield first
  yield* rest
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
  pipeline(Readable.from(chunks, { objectMode: false }), gz, () => {})
  return gz
}

/** Watches the bytes after the tar end marker: zero padding is normal, anything else is not. */
export class TrailingCheck {
  private bytes = 0
  private firstData = -1

  add(chunk: Buffer): void {
    if (this.firstData < 0) {
      const at = firstNonZero(chunk)
      if (at >= 0) this.firstData = this.bytes + at
    }
    this.bytes += chunk.length
  }

  /** A sentence for the finding, or undefined when only zeros (or nothing) follow the marker. */
  describe(): string | undefined {
    if (this.firstData < 0) return undefined
    return `${this.bytes} bytes follow the tar end-of-archive marker and hold data (from byte ${this.firstData} after it); npm stops at the marker, other tools may extract them, and packguard did not check them`
  }
}

/** Index of the first non-zero byte; compares against zeros natively, 64 KiB at a time. */
function firstNonZero(chunk: Buffer): number {
  for (let off = 0; off < chunk.length; off += CHUNK) {
    const part = chunk.subarray(off, off + CHUNK)
    if (part.equals(ZEROS.subarray(0, part.length))) continue
    for (let i = 0; i < part.length; i++) if (part[i] !== 0) return off + i
  }
  return -1
}
