import yauzl, { type Entry as ZipEntry, type ZipFile } from 'yauzl'
import { tooLarge, Budget, LimitExceeded } from './limits.js'
import { normalizeEntryPath } from './paths.js'
import { ArtifactError, type Entry, type EntryType } from './types.js'

const S_IFMT = 0o170000
const UNIX_TYPES: Record<number, EntryType> = {
  0o100000: 'file',
  0o040000: 'directory',
  0o120000: 'symlink',
  0o020000: 'char-device',
  0o060000: 'block-device',
  0o010000: 'fifo',
  0o140000: 'socket',
}

export interface ZipOptions {
  artifact: string
  budget: Budget
  /** Count compressed sizes toward the compression ratio (false for nested archives). */
  countCompressed?: boolean
}

/**
 * Reads a zip (and .whl, .jar, .vsix, .nupkg, ...) through its central directory with yauzl,
 * as pip, Java's ZipFile and VS Code do. Names are decoded here rather than by yauzl so that
 * unsafe names become findings instead of a refusal to read the archive.
 */
export async function* readZip(source: string | Buffer, opts: ZipOptions): AsyncGenerator<Entry> {
  const zip = await openZip(source, opts.artifact)
  try {
    for (;;) {
      const ze = await nextEntry(zip, opts.artifact)
      if (!ze) return
      const entry = toEntry(ze)
      opts.budget.addEntry(entry.path || entry.rawPath)
      if (entry.type === 'file' || entry.type === 'symlink') {
        if (opts.countCompressed !== false) opts.budget.addCompressed(ze.compressedSize)
        await readContent(zip, ze, entry, opts)
      }
      yield entry
    }
  } finally {
    zip.close()
  }
}

function toEntry(ze: ZipEntry): Entry {
  const raw = yauzl.getFileNameLowLevel(
    ze.generalPurposeBitFlag,
    ze.fileName as unknown as Buffer,
    ze.extraFields,
    true,
  )
  const madeByUnix = ze.versionMadeBy >> 8 === 3
  const unixMode = madeByUnix ? ze.externalFileAttributes >>> 16 : 0
  let type: EntryType = raw.endsWith('/') ? 'directory' : 'file'
  if (unixMode & S_IFMT) type = UNIX_TYPES[unixMode & S_IFMT] ?? 'other'
  return {
    path: normalizeEntryPath(raw),
    rawPath: raw,
    type,
    mode: unixMode & 0o7777,
    size: ze.uncompressedSize,
  }
}

async function readContent(
  zip: ZipFile,
  ze: ZipEntry,
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
  if (!opts.budget.entryFits(ze.uncompressedSize)) {
    entry.unreadable = tooLarge(opts.budget)
    return
  }
  const data = await readStream(zip, ze, entry.path, opts)
  if (entry.type === 'symlink') entry.linkTarget = data.toString('utf8')
  else entry.content = data
}

function readStream(zip: ZipFile, ze: ZipEntry, path: string, opts: ZipOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(ze, (err, stream) => {
      if (err || !stream)
        return reject(
          new ArtifactError(opts.artifact, `cannot read zip entry ${path}: ${err?.message}`),
        )
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => {
        try {
          opts.budget.addBytes(c.length, path)
          chunks.push(c)
        } catch (e) {
          stream.destroy()
          reject(e as LimitExceeded)
        }
      })
      stream.on('error', (e: Error) =>
        reject(new ArtifactError(opts.artifact, `corrupt zip entry ${path}: ${e.message}`)),
      )
      stream.on('end', () => resolve(Buffer.concat(chunks)))
    })
  })
}

function openZip(source: string | Buffer, artifact: string): Promise<ZipFile> {
  const options = {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: false,
    validateEntrySizes: true,
  }
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: ZipFile) => {
      if (err || !zip) reject(new ArtifactError(artifact, `not a readable zip: ${err?.message}`))
      else resolve(zip)
    }
    if (typeof source === 'string') yauzl.open(source, options, done)
    else yauzl.fromBuffer(source, options, done)
  })
}

function nextEntry(zip: ZipFile, artifact: string): Promise<ZipEntry | undefined> {
  return new Promise((resolve, reject) => {
    const onEntry = (e: ZipEntry) => finish(() => resolve(e))
    const onEnd = () => finish(() => resolve(undefined))
    const onError = (err: Error) =>
      finish(() => reject(new ArtifactError(artifact, `corrupt zip: ${err.message}`)))
    const finish = (f: () => void) => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError)
      f()
    }
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError)
    zip.readEntry()
  })
}
