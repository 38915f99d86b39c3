import yauzl, { type Entry as ZipEntry, type ZipFile } from 'yauzl'
import { decodeName, lossy, showBytes } from './names.js'
import { normalizeEntryPath } from './paths.js'
import { addIssue, ArtifactError, type ArchiveText, type Entry, type EntryType } from './types.js'
import { readContent, type ZipOptions } from './zip-data.js'
import { unicodePathIssue } from './zip-names.js'
import {
  checkedLocalHeader,
  Coverage,
  DESCRIPTOR_FLAG,
  findEnd,
  type ZipEnd,
} from './zip-layout.js'
import {
  bufferSource,
  fileSource,
  readAhead,
  ShiftedReader,
  withTail,
  type ByteSource,
} from './zip-source.js'

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
const UTF8_FLAG = 0x800
const CENTRAL_IN_MEMORY = 64 * 1024 ** 2

/**
 * Reads a zip (and .whl, .jar, .vsix, .nupkg, ...) through its central directory with yauzl,
 * as pip, Java's ZipFile and VS Code do. Names are decoded here rather than by yauzl so that
 * unsafe names become findings instead of a refusal to read the archive. Each local header is
 * checked against the directory, and bytes no entry accounts for are reported on the last
 * entry: that is where streaming readers and directory readers see different files.
 */
export async function* readZip(source: string | Buffer, opts: ZipOptions): AsyncGenerator<Entry> {
  const src =
    typeof source === 'string'
      ? readAhead(
          await fileSource(source).catch((err: Error) => {
            throw new ArtifactError(opts.artifact, `cannot open: ${err.message}`)
          }),
        )
      : bufferSource(source)
  try {
    const end = await findEnd(src)
    const zip = await openZip(await directoryInMemory(src, end), end?.prefix ?? 0, opts.artifact)
    const coverage = end && new Coverage(src, end, opts.frontScanned)
    const shift = end?.prefix ?? 0
    let read = 0
    try {
      for (;;) {
        const ze = await nextEntry(zip, opts.artifact)
        if (!ze) break
        read++
        const entry = toEntry(ze)
        const texts = commentTexts(read === 1 ? zip : undefined, ze, entry.path)
        if (texts.length > 0) entry.texts = texts
        opts.budget.addEntry(entry.path || entry.rawPath)
        const local = await checkedLocalHeader(src, shift, ze, entry)
        if (local) {
          const dataEnd = local.dataStart + ze.compressedSize
          const descriptor = (local.flags & DESCRIPTOR_FLAG) !== 0
          coverage?.add(
            shift + ze.relativeOffsetOfLocalHeader,
            shift + dataEnd,
            entry.path,
            descriptor,
          )
          if (entry.type === 'file' || entry.type === 'symlink') {
            if (opts.countCompressed !== false) opts.budget.addCompressed(ze.compressedSize)
            await readContent(zip, ze, local, entry, opts)
          }
        }
        if (read === zip.entryCount && coverage) {
          for (const detail of await coverage.problems()) {
            addIssue(entry, { kind: 'trailing-data', path: '', detail })
          }
        }
        yield entry
      }
    } finally {
      zip.close()
    }
    if (read === 0 && coverage) {
      const problems = await coverage.problems()
      if (problems.length > 0)
        throw new ArtifactError(opts.artifact, `zip with no entries: ${problems[0]}`)
    }
  } finally {
    await src.close()
  }
}

/** The source, with its central directory read in one go when it is of a sane size. */
async function directoryInMemory(src: ByteSource, end: ZipEnd | undefined): Promise<ByteSource> {
  const start = end?.centralStart
  if (start === undefined || start < 0 || start > src.size) return src
  if (src.size - start > CENTRAL_IN_MEMORY) return src
  return withTail(src, start, readableFlags(await src.read(start, src.size - start)))
}

const CENTRAL_SIGNATURE = 0x02014b50
const STRONG_ENCRYPTION = 0x40

/**
 * yauzl refuses a whole zip when one entry is flagged for strong encryption. In the central
 * directory held in memory, that flag becomes the plain encryption flag: the entry is then
 * reported as encrypted (never read, never clean) and the rest of the zip is still read.
 */
function readableFlags(central: Buffer): Buffer {
  for (let at = 0; at + 46 <= central.length && central.readUInt32LE(at) === CENTRAL_SIGNATURE;) {
    if (central[at + 8] & STRONG_ENCRYPTION)
      central[at + 8] = (central[at + 8] & ~STRONG_ENCRYPTION) | 1
    at +=
      46 +
      central.readUInt16LE(at + 28) +
      central.readUInt16LE(at + 30) +
      central.readUInt16LE(at + 32)
  }
  return central
}

function toEntry(ze: ZipEntry): Entry {
  const bytes = ze.fileName as unknown as Buffer
  let raw: string
  let valid = true
  if (ze.generalPurposeBitFlag & UTF8_FLAG) ({ text: raw, valid } = decodeName(bytes))
  else raw = yauzl.getFileNameLowLevel(ze.generalPurposeBitFlag, bytes, ze.extraFields, true)
  const madeByUnix = ze.versionMadeBy >> 8 === 3
  const unixMode = madeByUnix ? ze.externalFileAttributes >>> 16 : 0
  let type: EntryType = raw.endsWith('/') ? 'directory' : 'file'
  if (unixMode & S_IFMT) type = UNIX_TYPES[unixMode & S_IFMT] ?? 'other'
  const entry: Entry = {
    path: showBytes(normalizeEntryPath(raw)),
    rawPath: lossy(raw),
    type,
    mode: unixMode & 0o7777,
    size: ze.uncompressedSize,
  }
  const other = ze.extraFields.length > 0 ? unicodePathIssue(ze) : undefined
  if (other) addIssue(entry, { kind: 'ambiguous-name', path: entry.path, detail: other })
  if (!valid) {
    addIssue(entry, {
      kind: 'invalid-utf8-name',
      path: entry.path,
      detail:
        'its name is flagged UTF-8 but is not (bad bytes shown as \\xNN); pip and Java refuse such a name',
    })
  }
  return entry
}

/**
 * The archive's comment (on its first entry) and the entry's own: text that ships in the zip and
 * that no extraction shows. yauzl hands both over as bytes (decodeStrings off): read as latin1.
 */
function commentTexts(zip: ZipFile | undefined, ze: ZipEntry, path: string): ArchiveText[] {
  const texts: ArchiveText[] = []
  const own = zip?.comment as unknown as Buffer | undefined
  if (own?.length) texts.push({ path: '!comment', text: Buffer.from(own).toString('latin1') })
  const c = ze.fileComment as unknown as Buffer | undefined
  if (c?.length) texts.push({ path: `${path}!comment`, text: Buffer.from(c).toString('latin1') })
  return texts
}

function openZip(src: ByteSource, shift: number, artifact: string): Promise<ZipFile> {
  const options = {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: false,
    // Sizes are checked here (a lie is a finding, not a refusal to read the rest).
    validateEntrySizes: false,
  }
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(
      new ShiftedReader(src, shift),
      src.size - shift,
      options,
      (err, zip) => {
        if (err || !zip) reject(new ArtifactError(artifact, `not a readable zip: ${err?.message}`))
        else resolve(zip)
      },
    )
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
