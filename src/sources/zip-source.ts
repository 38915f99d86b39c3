import { close, fstat, open, read } from 'node:fs'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import yauzl from 'yauzl'

/** Random access to the bytes of a zip: a file on disk or a nested archive already in memory. */
export interface ByteSource {
  size: number
  /** Up to `length` bytes at `position` (fewer at the end of the source). */
  read(position: number, length: number): Promise<Buffer>
  stream(start: number, end: number): Readable
  close(): Promise<void>
}

const CHUNK = 64 * 1024
const openFd = promisify(open)
const fstatFd = promisify(fstat)
const closeFd = promisify(close)

export async function fileSource(path: string): Promise<ByteSource> {
  const fd = await openFd(path, 'r')
  const { size } = await fstatFd(fd)
  return {
    size,
    read: (position, length) =>
      new Promise((resolve, reject) => {
        const buf = Buffer.alloc(Math.max(0, Math.min(length, size - position)))
        if (buf.length === 0) return resolve(buf)
        read(fd, buf, 0, buf.length, position, (err, n) =>
          err ? reject(err) : resolve(buf.subarray(0, n)),
        )
      }),
    // Positional reads of our own: an fs stream on a shared fd closes it when destroyed.
    stream: (start, end) => {
      let pos = start
      return new Readable({
        highWaterMark: CHUNK,
        read() {
          const n = Math.min(CHUNK, end - pos)
          if (n <= 0) return void this.push(null)
          const buf = Buffer.allocUnsafe(n)
          read(fd, buf, 0, n, pos, (err, got) => {
            if (err) return this.destroy(err)
            if (got === 0) return this.destroy(new Error('unexpected end of file'))
            pos += got
            this.push(got === n ? buf : buf.subarray(0, got))
          })
        },
      })
    },
    close: () => closeFd(fd),
  }
}

/** The bytes of a file read ahead in windows of this size (a local header and a small entry's data). */
const WINDOW = 1024 * 1024

/**
 * `src` with small reads served from windows read ahead: a zip's local headers and small
 * entries lie one after another, and reading each with its own call costs a round trip to the
 * file system thread pool per read. Two windows, the most recent, so that reads that alternate
 * between two places (local headers and a directory read from disk) do not evict each other.
 * A read larger than half a window goes to `src` as before.
 */
export function readAhead(src: ByteSource): ByteSource {
  let windows: Array<{ start: number; bytes: Buffer }> = []
  return {
    ...src,
    read: async (position, length) => {
      if (length > WINDOW / 2) return src.read(position, length)
      let w = windows.find(
        (x) => position >= x.start && position + length <= x.start + x.bytes.length,
      )
      // A read that ends past the end of the file is served by a window that reaches the end.
      w ??= windows.find((x) => position >= x.start && x.start + x.bytes.length >= src.size)
      if (!w) {
        if (position >= src.size) return Buffer.alloc(0)
        w = { start: position, bytes: await src.read(position, WINDOW) }
        windows = [w, ...windows.slice(0, 1)]
      }
      return w.bytes.subarray(position - w.start, position - w.start + length)
    },
  }
}

export function bufferSource(buf: Buffer): ByteSource {
  return {
    size: buf.length,
    read: async (position, length) => buf.subarray(position, position + length),
    stream: (start, end) => Readable.from([buf.subarray(start, end)]),
    close: async () => {},
  }
}

/**
 * What yauzl reads through: the source seen from `shift` on. A zip with bytes in front of it
 * (a self-extractor stub, or a second zip glued before it) is read the way Python's zipfile
 * reads it, from where its central directory says it starts.
 */
export class ShiftedReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly source: ByteSource,
    private readonly shift: number,
  ) {
    super()
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return this.source.stream(start + this.shift, end + this.shift)
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null) => void,
  ): void {
    this.source.read(position + this.shift, length).then(
      (got) => {
        got.copy(buffer, offset)
        callback(got.length < length ? new Error('unexpected EOF') : null)
      },
      (err: Error) => callback(err),
    )
  }
}

/**
 * `src` with the bytes from `start` on held in memory: yauzl reads the central directory two
 * small reads per entry, and served from memory they cost nothing.
 */
export function withTail(src: ByteSource, start: number, tail: Buffer): ByteSource {
  return {
    ...src,
    read: async (position, length) =>
      position >= start
        ? tail.subarray(position - start, position - start + length)
        : src.read(position, length),
  }
}
