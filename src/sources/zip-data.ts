import { inflateRawSync } from 'node:zlib'
import type { Entry as ZipEntry, ZipFile } from 'yauzl'
import { tooLarge, LimitExceeded } from './limits.js'
import { addIssue, type Entry } from './types.js'
import type { ZipOptions } from './zip.js'
import type { LocalHeader } from './zip-layout.js'

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
  const got =
    at + ze.compressedSize <= local.head.length
      ? inline(local.head.subarray(at, at + ze.compressedSize), ze, entry.path, opts)
      : await readStream(zip, ze, local, entry.path, opts)
  if (got.data.length !== ze.uncompressedSize || got.over) {
    addIssue(entry, {
      kind: 'zip-mismatch',
      path: entry.path,
      detail: `it declares ${ze.uncompressedSize} bytes but its data ${got.over ? `unpacks to more than max-entry-bytes (${max})` : `holds ${got.data.length}`}`,
    })
  }
  if (got.over) {
    entry.unreadable = {
      kind: 'limit',
      detail: `its data unpacks past max-entry-bytes (${max}); not read`,
    }
    return
  }
  if (got.error) {
    entry.unreadable = { kind: 'corrupt', detail: `corrupt data (${got.error})` }
    return
  }
  if (entry.type === 'symlink') entry.linkTarget = got.data.toString('utf8')
  else entry.content = got.data
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

type Got = { data: Buffer; over?: boolean; error?: string }

/**
 * The entry's data, stopped at max-entry-bytes whatever size it declares (a size lie cannot make
 * it read more). Damaged data is returned as an error to report, not thrown: the other entries
 * of a zip can still be read.
 */
function readStream(
  zip: ZipFile,
  ze: ZipEntry,
  local: LocalHeader,
  path: string,
  opts: ZipOptions,
): Promise<Got> {
  const max = opts.budget.limits.maxEntryBytes
  return new Promise((resolve, reject) => {
    zip.openReadStreamLowLevel(
      local.dataStart,
      ze.compressedSize,
      0,
      ze.compressedSize,
      ze.compressionMethod === 8,
      ze.uncompressedSize,
      (err, stream) => {
        if (err || !stream) return resolve({ data: Buffer.alloc(0), error: err?.message })
        const chunks: Buffer[] = []
        let size = 0
        let done = false
        const finish = (r: Got | Error) => {
          if (done) return
          done = true
          if (r instanceof Error) reject(r)
          else resolve(r)
        }
        stream.on('data', (c: Buffer) => {
          if (done) return
          size += c.length
          if (size > max) {
            stream.destroy()
            return finish({ data: Buffer.alloc(0), over: true })
          }
          try {
            opts.budget.addBytes(c.length, path)
            chunks.push(c)
          } catch (e) {
            stream.destroy()
            finish(e as LimitExceeded)
          }
        })
        stream.on('error', (e: Error) => finish({ data: Buffer.concat(chunks), error: e.message }))
        stream.on('end', () => finish({ data: Buffer.concat(chunks) }))
      },
    )
  })
}
