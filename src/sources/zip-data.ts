import type { Readable } from 'node:stream'
import { crc32, inflateRawSync } from 'node:zlib'
import type { Entry as ZipEntry, ZipFile } from 'yauzl'
import { STREAM_ABOVE } from './body.js'
import { tooLarge, LimitExceeded, type Budget } from './limits.js'
import { addIssue, type Entry } from './types.js'
import type { LocalHeader } from './zip-layout.js'

/** How a zip is read: its name for errors, its budget. */
export interface ZipOptions {
  artifact: string
  budget: Budget
  /** Count compressed sizes toward the compression ratio (false for nested archives). */
  countCompressed?: boolean
  /**
   * The zip's bytes were scanned whole as the file that holds it (a nested zip): a script in
   * front of it (an executable jar, a zipapp) is then not reported as unchecked bytes.
   */
  frontScanned?: boolean
}

/**
 * Reads a zip entry's data into `entry.content` (or `linkTarget`), never past max-entry-bytes
 * whatever size it declares: a size lie is reported, damaged data makes the entry unreadable,
 * and neither stops the rest of the zip from being read.
 */
export async function readContent(
  zip: ZipFile,
  ze: ZipEntry,
  local: LocalHeader,
  entry: Entry,
  opts: ZipOptions,
): Promise<void> {
  if (ze.isEncrypted()) {
    entry.unreadable = { kind: 'unsupported', detail: 'encrypted entry' }
    return
  }
  if (ze.compressionMethod !== 0 && ze.compressionMethod !== 8) {
    entry.unreadable = {
      kind: 'unsupported',
      detail: `unsupported compression method ${ze.compressionMethod}`,
    }
    return
  }
  const max = opts.budget.limits.maxEntryBytes
  const stored = ze.compressionMethod === 0
  if (!opts.budget.entryFits(ze.uncompressedSize) || (stored && ze.compressedSize > max)) {
    entry.unreadable = tooLarge(opts.budget)
    return
  }
  const at = local.dataStart - ze.relativeOffsetOfLocalHeader
  if (entry.type === 'file' && ze.uncompressedSize > STREAM_ABOVE) {
    entry.body = streamData(zip, ze, local, entry, opts)
    return
  }
  const got =
    at + ze.compressedSize <= local.head.length
      ? inline(local.head.subarray(at, at + ze.compressedSize), ze, entry.path, opts)
      : await readStream(zip, ze, local, entry.path, opts)
  if (judge(entry, ze, got.data.length, { ...got, crc: got.crc ?? crc32(got.data) }, max)) return
  if (entry.type === 'symlink') entry.linkTarget = got.data.toString('utf8')
  else entry.content = got.data
}

/**
 * Records a size lie or a CRC-32 that does not match the data (damaged, or altered after it was
 * zipped: pip refuses such a wheel), or why the data cannot be trusted; true when the entry is
 * unreadable.
 */
function judge(
  entry: Entry,
  ze: ZipEntry,
  size: number,
  got: { over?: boolean; error?: string; crc?: number },
  max: number,
): boolean {
  if (size !== ze.uncompressedSize || got.over) {
    addIssue(entry, {
      kind: 'zip-mismatch',
      path: entry.path,
      detail: `it declares ${ze.uncompressedSize} bytes but its data ${got.over ? `unpacks to more than max-entry-bytes (${max})` : `holds ${size}`}`,
    })
  } else if (!got.error && got.crc !== undefined && got.crc !== ze.crc32) {
    addIssue(entry, {
      kind: 'zip-mismatch',
      path: entry.path,
      detail: `its data does not match its CRC-32 (${hex(got.crc)}, declared ${hex(ze.crc32)}): damaged, or altered after it was zipped`,
    })
  }
  if (got.over) {
    entry.unreadable = {
      kind: 'limit',
      detail: `its data unpacks past max-entry-bytes (${max}); not read`,
    }
    return true
  }
  if (got.error) {
    entry.unreadable = { kind: 'corrupt', detail: `corrupt data (${got.error})` }
    return true
  }
  return false
}

/**
 * A large entry's data as it inflates, stopped at max-entry-bytes whatever size it declares.
 * What goes wrong (a size lie, damaged data) is recorded on the entry once its data has been
 * read, before the rules see the entry: the bytes already scanned do not make it clean.
 */
async function* streamData(
  zip: ZipFile,
  ze: ZipEntry,
  local: LocalHeader,
  entry: Entry,
  opts: ZipOptions,
): AsyncGenerator<Buffer> {
  const got: Progress = { size: 0 }
  yield* dataChunks(zip, ze, local, entry.path, opts, got)
  judge(entry, ze, got.size, got, opts.budget.limits.maxEntryBytes)
}

/** How reading an entry's data went: bytes read and their CRC-32, stopped past max-entry-bytes, damaged. */
type Progress = { size: number; crc?: number; over?: boolean; error?: string }

const hex = (n: number) => n.toString(16).padStart(8, '0')

/** An entry's data as it inflates, never past max-entry-bytes; what went wrong goes to `got`. */
async function* dataChunks(
  zip: ZipFile,
  ze: ZipEntry,
  local: LocalHeader,
  path: string,
  opts: ZipOptions,
  got: Progress,
): AsyncGenerator<Buffer> {
  const max = opts.budget.limits.maxEntryBytes
  try {
    const stream = await lowLevel(zip, ze, local)
    try {
      for await (const c of stream as AsyncIterable<Buffer>) {
        got.size += c.length
        if (got.size > max) {
          got.over = true
          break
        }
        opts.budget.addBytes(c.length, path)
        got.crc = crc32(c, got.crc ?? 0)
        yield c
      }
    } finally {
      stream.destroy()
    }
  } catch (err) {
    if (err instanceof LimitExceeded) throw err
    got.error = (err as Error).message
  }
}

function lowLevel(zip: ZipFile, ze: ZipEntry, local: LocalHeader): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStreamLowLevel(
      local.dataStart,
      ze.compressedSize,
      0,
      ze.compressedSize,
      ze.compressionMethod === 8,
      ze.uncompressedSize,
      (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream)),
    ),
  )
}

/** The data of a small entry, already read: inflated at once, never past max-entry-bytes. */
function inline(packed: Buffer, ze: ZipEntry, path: string, opts: ZipOptions): Got {
  const max = opts.budget.limits.maxEntryBytes
  let data: Buffer
  try {
    data =
      ze.compressionMethod === 8
        ? inflateRawSync(packed, { maxOutputLength: Math.max(1, max) })
        : Buffer.from(packed)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      return { data: Buffer.alloc(0), over: true }
    }
    return { data: Buffer.alloc(0), error: (err as Error).message }
  }
  if (data.length > max) return { data: Buffer.alloc(0), over: true }
  opts.budget.addBytes(data.length, path)
  return { data }
}

type Got = { data: Buffer; crc?: number; over?: boolean; error?: string }

/**
 * The entry's data, stopped at max-entry-bytes whatever size it declares (a size lie cannot make
 * it read more). Damaged data is returned as an error to report, not thrown: the other entries
 * of a zip can still be read.
 */
async function readStream(
  zip: ZipFile,
  ze: ZipEntry,
  local: LocalHeader,
  path: string,
  opts: ZipOptions,
): Promise<Got> {
  const chunks: Buffer[] = []
  const got: Progress = { size: 0 }
  for await (const c of dataChunks(zip, ze, local, path, opts, got)) chunks.push(c)
  return { ...got, data: got.over ? Buffer.alloc(0) : Buffer.concat(chunks) }
}
