import type { Entry as ZipEntry } from 'yauzl'
import { decodeName, showBytes } from './names.js'
import { localUnicodePathIssue } from './zip-names.js'
import { addIssue, type Entry } from './types.js'
import type { ByteSource } from './zip-source.js'

const EOCD = 0x06054b50
const EOCD_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06])
const ZIP64_LOCATOR = 0x07064b50
const LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const SCAN = 64 * 1024
/** General purpose flag bit 3: sizes and CRC follow the data, the local header has zeros. */
export const DESCRIPTOR_FLAG = 0x8
// Entries up to this many compressed bytes are read in one go with their local header.
const INLINE = 256 * 1024

/** Where the archive proper starts in the file, and where its central directory lies. */
export interface ZipEnd {
  /** Bytes in front of the archive (0 for an ordinary zip). */
  prefix: number
  /** Absolute offset where the central directory starts (unknown for zip64): the rest is metadata. */
  centralStart?: number
}

/**
 * Finds the end-of-central-directory record as yauzl does (the last signature in the last
 * 64 KiB) and works out how many bytes sit in front of the archive, as Python's zipfile does.
 * Returns undefined when there is none: yauzl then says why the file is not a zip.
 */
export async function findEnd(src: ByteSource): Promise<ZipEnd | undefined> {
  const tailLength = Math.min(src.size, 22 + 20 + 0xffff)
  const tail = await src.read(src.size - tailLength, tailLength)
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue
    const at = src.size - tailLength + i
    const cdSize = tail.readUInt32LE(i + 12)
    const cdOffset = tail.readUInt32LE(i + 16)
    const zip64 = i >= 20 && tail.readUInt32LE(i - 20) === ZIP64_LOCATOR
    // A zip64 archive keeps its real offsets in the zip64 record: take them as they are.
    if (zip64) return { prefix: 0, centralStart: await zip64Central(src, tail, i - 20) }
    if (cdOffset === 0xffffffff) return { prefix: 0 }
    const prefix = at - cdSize - cdOffset
    return { prefix: Math.max(0, prefix), centralStart: at - cdSize }
  }
  return undefined
}

const ZIP64_END = 0x06064b50

/**
 * Where a zip64 archive's central directory starts, from its zip64 end record (the locator
 * just before the end record says where that is), or undefined when the record is not there.
 * Python's zipfile writes zip64 past 65,535 entries: reading its directory in one go is what
 * keeps 70,000 small entries fast.
 */
async function zip64Central(
  src: ByteSource,
  tail: Buffer,
  locator: number,
): Promise<number | undefined> {
  const record = Number(tail.readBigUInt64LE(locator + 8))
  if (!Number.isSafeInteger(record) || record + 56 > src.size) return undefined
  const head = await src.read(record, 56)
  if (head.length < 56 || head.readUInt32LE(0) !== ZIP64_END) return undefined
  const start = Number(head.readBigUInt64LE(48))
  return Number.isSafeInteger(start) && start <= record ? start : undefined
}

/** How many bytes at the end of a file can hold a zip's end record (and its comment). */
export const ZIP_TAIL = 22 + 20 + 0xffff

/**
 * Whether a file that starts as a script (`#!`) ends as a zip: an executable jar or a Python
 * zipapp. `tail` is the file's last bytes (all of it, or at least ZIP_TAIL) and `total` its size.
 * The end record must point back at a central directory, so a script that merely holds the
 * four signature bytes is not taken for one.
 */
export function zipAfterScript(head: Buffer, tail: Buffer, total = tail.length): boolean {
  if (head[0] !== 0x23 || head[1] !== 0x21 || tail.length < 22) return false
  const from = total - tail.length
  const low = Math.max(0, tail.length - ZIP_TAIL)
  for (let i = tail.lastIndexOf(EOCD_BYTES, tail.length - 22); i >= low;) {
    const cdSize = tail.readUInt32LE(i + 12)
    const central = from + i - cdSize
    if (i >= 20 && tail.readUInt32LE(i - 20) === ZIP64_LOCATOR) return true
    // Where the directory lies outside the tail it cannot be checked: it is taken as a zip.
    if (cdSize > 0 && central >= 0) {
      return central < from || tail.readUInt32LE(central - from) === 0x02014b50
    }
    i = i > 0 ? tail.lastIndexOf(EOCD_BYTES, i - 1) : -1
  }
  return false
}

interface Span {
  start: number
  end: number
  name: string
  /** Bytes after `end` that may hold a data descriptor (general purpose flag bit 3). */
  slack: number
}

/**
 * The byte ranges the central directory accounts for. Whatever lies outside them (bytes in
 * front, gaps between entries, local entries the directory does not list, a second zip) and
 * entries that share bytes are what readers disagree about, so they are reported.
 */
export class Coverage {
  private spans: Span[] = []

  constructor(
    private readonly src: ByteSource,
    private readonly end: ZipEnd,
    /** The bytes before the first entry were scanned with the file holding the zip (nested). */
    private readonly frontScanned = false,
  ) {}

  /** Records an entry's bytes: local header, name, extra field, data (absolute offsets). */
  add(start: number, end: number, name: string, descriptor: boolean): void {
    this.spans.push({ start, end, name, slack: descriptor ? 24 : 0 })
  }

  /** Sentences for the findings: the prefix, each uncovered gap, each overlap. */
  async problems(): Promise<string[]> {
    const out: string[] = []
    const { prefix, centralStart } = this.end
    const spans = [...this.spans].sort((a, b) => a.start - b.start || a.end - b.end)
    // A script in front of a nested zip (an executable jar, a zipapp) was scanned as part of
    // the file that holds it: only a zip entry hidden in it is news.
    const front = Math.min(spans[0]?.start ?? prefix, centralStart ?? Infinity)
    const script = this.frontScanned && front > 0 && (await this.isScript(front))
    if (prefix > 0 && !script) {
      const hidden =
        (await this.findLocal(0, prefix)) !== undefined
          ? ' and hold a zip entry (another archive)'
          : ''
      out.push(
        `${prefix} bytes come before the archive${hidden}; readers that start at the front (a streaming unzip) see something else than pip or Java, and packguard did not check them`,
      )
    }
    let at = script ? front : prefix
    let last: Span | undefined
    for (const s of spans) {
      if (last && s.start < last.end) {
        out.push(
          `the data of ${s.name} overlaps the data of ${last.name}: entries that share bytes (a zip-bomb technique)`,
        )
      } else if (s.start > at + (last?.slack ?? 0)) {
        out.push(await this.gap(at, s.start))
      }
      if (!last || s.end >= last.end) last = s
      at = Math.max(at, s.end)
    }
    if (centralStart !== undefined && centralStart > at + (last?.slack ?? 0))
      out.push(await this.gap(at, centralStart))
    return out
  }

  /** The first `front` bytes are a script (`#!`) holding no local entry header. */
  private async isScript(front: number): Promise<boolean> {
    const head = await this.src.read(0, 2)
    return head[0] === 0x23 && head[1] === 0x21 && (await this.findLocal(0, front)) === undefined
  }

  private async gap(start: number, end: number): Promise<string> {
    const local = await this.findLocal(start, end)
    return local === undefined
      ? `${end - start} bytes at offset ${start} belong to no entry; packguard did not check them`
      : `${end - start} bytes at offset ${start} belong to no entry listed in the central directory and hold a local entry header at offset ${local}: an entry that pip and Java skip but streaming readers extract; packguard did not check it`
  }

  /** Offset of the first local file header signature in [start, end), if any. */
  private async findLocal(start: number, end: number): Promise<number | undefined> {
    for (let pos = start; pos < end; pos += SCAN) {
      const buf = await this.src.read(pos, Math.min(SCAN + 3, end - pos))
      const i = buf.indexOf(LOCAL)
      if (i >= 0 && pos + i < end) return pos + i
    }
    return undefined
  }
}

/** The fields of a local file header that are compared with the central directory. */
export interface LocalHeader {
  flags: number
  method: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  name: Buffer
  /** The local header's extra fields. */
  extra: Buffer
  /** Offset of the entry's data, in the same terms as `offset` was given. */
  dataStart: number
  /** The bytes read from `offset` on: they hold the data too when it is small. */
  head: Buffer
}

/**
 * Reads the local header at `offset` (as seen from `shift` on) in one read, guessing its length
 * from the central directory's name and extra field; a longer one takes a second read. `data`
 * more bytes are read with it, so a small entry's data comes in the same read.
 */
export async function readLocalHeader(
  src: ByteSource,
  shift: number,
  offset: number,
  guess: number,
  data = 0,
): Promise<LocalHeader> {
  let buf = await src.read(shift + offset, 30 + guess + 64 + data)
  if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50) {
    throw new Error(`no local file header signature at offset ${offset}`)
  }
  const nameLength = buf.readUInt16LE(26)
  const extraLength = buf.readUInt16LE(28)
  const headerLength = 30 + nameLength + extraLength
  if (buf.length < headerLength) buf = await src.read(shift + offset, headerLength)
  if (buf.length < headerLength) throw new Error('the local header is cut short')
  return {
    flags: buf.readUInt16LE(6),
    method: buf.readUInt16LE(8),
    crc32: buf.readUInt32LE(14),
    compressedSize: buf.readUInt32LE(18),
    uncompressedSize: buf.readUInt32LE(22),
    name: Buffer.from(buf.subarray(30, 30 + nameLength)),
    extra: buf.subarray(30 + nameLength, headerLength),
    dataStart: offset + 30 + nameLength + extraLength,
    head: buf,
  }
}

/** Reads the entry's local header and reports where it disagrees with the central directory. */
export async function checkedLocalHeader(
  src: ByteSource,
  shift: number,
  ze: ZipEntry,
  entry: Entry,
): Promise<LocalHeader | undefined> {
  let local: LocalHeader
  try {
    const guess = ze.fileNameLength + ze.extraFieldLength
    // A small entry's data is read along with its header: one read instead of a stream.
    const data = ze.compressedSize <= INLINE ? ze.compressedSize : 0
    local = await readLocalHeader(src, shift, ze.relativeOffsetOfLocalHeader, guess, data)
    if (shift + local.dataStart + ze.compressedSize > src.size) {
      throw new Error(`its data runs past the end of the file`)
    }
  } catch (err) {
    const detail = `the central directory points at no valid local header (${(err as Error).message})`
    addIssue(entry, { kind: 'zip-mismatch', path: entry.path, detail })
    if (entry.type === 'file') entry.unreadable = { kind: 'corrupt', detail }
    return undefined
  }
  const diffs: string[] = []
  if (!local.name.equals(ze.fileName as unknown as Buffer)) {
    diffs.push(`the local header names it '${showBytes(decodeName(local.name).text)}'`)
  }
  const unicode = localUnicodePathIssue(local, ze)
  if (unicode) diffs.push(unicode)
  if (local.method !== ze.compressionMethod) {
    diffs.push(
      `compression method ${local.method} in the local header, ${ze.compressionMethod} in the directory`,
    )
  }
  if ((local.flags & 1) !== (ze.generalPurposeBitFlag & 1)) {
    diffs.push('the local header and the directory disagree on encryption')
  }
  if (!(local.flags & DESCRIPTOR_FLAG)) {
    const pairs: Array<[string, number, number]> = [
      ['compressed size', local.compressedSize, ze.compressedSize],
      ['size', local.uncompressedSize, ze.uncompressedSize],
      ['CRC-32', local.crc32, ze.crc32],
    ]
    for (const [what, l, c] of pairs) {
      if (l !== c && l !== 0xffffffff) {
        diffs.push(`${what} ${l} in the local header, ${c} in the directory`)
      }
    }
  }
  if (diffs.length > 0) {
    addIssue(entry, {
      kind: 'zip-mismatch',
      path: entry.path,
      detail: `${diffs.join('; ')}: readers that use local headers see another file`,
    })
  }
  return local
}
