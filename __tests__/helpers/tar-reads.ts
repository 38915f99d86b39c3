import { createHash } from 'node:crypto'
import { Parser, type ReadEntry } from 'tar'
import { Budget } from '../../src/sources/limits.js'
import { DEFAULT_LIMITS } from '../../src/config/defaults.js'
import { normalizeEntryPath } from '../../src/sources/paths.js'
import { readTar } from '../../src/sources/tar/reader.js'
import { ArtifactError, type Entry } from '../../src/sources/types.js'
import { NODE_TAR_TYPES } from './tar-events.js'

// The whole read of a tar or gzipped tar, by readTar and by node-tar's strict Parser (what npm
// extracts with), recorded alike: the entries, and how the read ends.

/**
 * An entry as a read yields it; `data` (files only) as length and digest, so a diff reads. Of an
 * entry of type 'other' only the type is compared: npm never sees one (node-tar passes over types
 * it does not know), so nothing npm does says which of its fields are right.
 */
export interface ReadItem {
  path?: string
  type: string
  mode?: number
  size?: number
  link?: string
  data?: string
  /** A trailing-data issue on it: `<bytes after the end marker>/<offset of the first non-zero>`. */
  trailing?: string
}

/** What a read yields, and how it ends: 'ok', or the kind of error. */
export interface Read {
  entries: ReadItem[]
  end: string
}

/** No safety limit in the way: only how the archive reads is compared. */
const NO_LIMITS = {
  ...DEFAULT_LIMITS,
  maxTotalBytes: Infinity,
  maxEntryBytes: Infinity,
  maxEntries: Infinity,
  maxRatio: Infinity,
}

const digest = (parts: Buffer[]) => {
  const b = Buffer.concat(parts)
  return `${b.length}:${createHash('sha256').update(b).digest('hex').slice(0, 12)}`
}

/** `bytes` in pieces of the given lengths, cycled. */
function* pieces(bytes: Buffer, lengths: number[]): Generator<Buffer> {
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const piece = bytes.subarray(at, at + lengths[k % lengths.length])
    at += piece.length
    yield piece
  }
}

/** What readTar yields from `bytes` given in pieces of `lengths`, bodies read as they come. */
export async function packguardRead(bytes: Buffer, lengths: number[]): Promise<Read> {
  const seen: Array<{ entry: Entry; data: Buffer[] }> = []
  let end = 'ok'
  try {
    const budget = new Budget(NO_LIMITS)
    for await (const entry of readTar(pieces(bytes, lengths), { artifact: 'x', budget })) {
      const data = entry.content ? [entry.content] : []
      seen.push({ entry, data })
      if (entry.body) for await (const c of entry.body) data.push(Buffer.from(c))
    }
  } catch (err) {
    end = endOf(err)
  }
  // Issues are read last: a streamed entry gets the archive's once its body has been read.
  const entries = seen.map(({ entry: e, data }) => {
    const item: ReadItem =
      e.type === 'other'
        ? { type: e.type }
        : { path: e.path, type: e.type, mode: e.mode, size: e.size, link: e.linkTarget ?? '' }
    if (e.type === 'file') item.data = digest(data)
    const detail = e.issues?.find((i) => i.kind === 'trailing-data')?.detail
    const m = detail && /^(\d+) bytes follow .* \(from byte (\d+) after it\)/.exec(detail)
    if (detail) item.trailing = m ? `${m[1]}/${m[2]}` : detail
    return item
  })
  return { entries, end }
}

/** A failed read's cause, as a kind comparable with node-tar's errors. */
function endOf(err: unknown): string {
  if (!(err instanceof ArtifactError)) return `unexpected: ${(err as Error).stack}`
  const cause = err.cause_
  let m: RegExpExecArray | null
  if (cause.startsWith('not a tar archive')) return 'not a tar'
  if (cause === 'corrupt tar: header checksum failure') return 'checksum failure'
  if (cause.startsWith('truncated tar: Truncated input')) return 'truncated'
  if (cause === 'truncated tar: the end-of-archive marker is missing') return 'no end marker'
  if ((m = /^unreadable tar: (.*)$/s.exec(cause))) return m[1]
  if (/^corrupt tar: .* has a negative or unreadable size field$/s.test(cause)) {
    return 'unreadable size'
  }
  if ((m = /^corrupt or truncated gzip data \((.*)\)$/s.exec(cause))) return `gzip: ${m[1]}`
  return cause
}

/**
 * What readTar must yield from `bytes`, from what node-tar's strict Parser (npm's) reads in them
 * up to its first error (it reads on after one; readTar stops). Where readTar differs on purpose:
 * - the entries node-tar passes over unseen (types it does not know) are entries of type 'other';
 * - a file whose size field is negative or unreadable (an empty file for npm) fails the read;
 * - a folder or link whose path is empty once normalized (`./`) is no entry;
 * - data after the end marker is an issue on the last entry, if that entry is one.
 */
export function npmRead(bytes: Buffer): Read {
  const seen: Array<{ re: ReadEntry; data: Buffer[]; ignored: boolean }> = []
  let error: string | undefined
  let eof = false
  const parser = new Parser({ strict: true, zstd: false, maxDecompressionRatio: Infinity })
  const add = (re: ReadEntry, ignored: boolean) => {
    if (error !== undefined) return
    const s = { re, data: [] as Buffer[], ignored }
    seen.push(s)
    // Data may come after the error (node-tar ends a truncated entry that way): it is kept.
    if (!ignored) re.on('data', (c: Buffer) => s.data.push(c))
  }
  parser.on('entry', (re: ReadEntry) => add(re, false))
  parser.on('ignoredEntry', (re: ReadEntry) => {
    if (!re.meta) add(re, true)
  })
  parser.on('error', (err: Error) => {
    error ??= err.message.replace(/^TAR_[A-Z_]+: /, '')
  })
  parser.on('eof', () => {
    if (error === undefined) eof = true
  })
  parser.write(bytes)
  parser.end()

  const entries: ReadItem[] = []
  let end: string | undefined
  let lastKept = false
  for (const { re, data, ignored } of seen) {
    const type = ignored ? 'other' : (NODE_TAR_TYPES[re.type] ?? 'other')
    const size = re.header.size
    if (type === 'file' && size === undefined) {
      end = 'unreadable size'
      break
    }
    const path = normalizeEntryPath(re.path)
    lastKept = type === 'file' || path !== ''
    if (!lastKept) continue
    const mode = (re.mode ?? 0) & 0o7777
    const link = re.linkpath ?? ''
    const item: ReadItem = type === 'other' ? { type } : { path, type, mode, size: size ?? 0, link }
    if (type === 'file') item.data = digest(data)
    entries.push(item)
  }
  end ??= error !== undefined ? errorKind(error, seen.length > 0) : eof ? 'ok' : 'no end marker'
  const rest = end === 'ok' ? buffered(parser) : Buffer.alloc(0)
  const first = rest.findIndex((b) => b !== 0)
  const last = entries.at(-1)
  if (first >= 0 && lastKept && last) last.trailing = `${rest.length}/${first}`
  return { entries, end }
}

/** node-tar's error as the kind of failure readTar must end with. */
function errorKind(message: string, sawEntry: boolean): string {
  if (message.startsWith('zlib: ')) return `gzip: ${message.slice('zlib: '.length)}`
  if (message === 'checksum failure') return sawEntry ? message : 'not a tar'
  if (message === 'Unrecognized archive format') return 'not a tar'
  if (message.startsWith('Truncated input')) return 'truncated'
  return message
}

/** What node-tar holds after the end marker: the rest of its input. */
function buffered(parser: Parser): Buffer {
  const slot = Object.getOwnPropertySymbols(parser).find((s) => s.description === 'buffer')
  const held = slot ? (parser as unknown as Record<symbol, unknown>)[slot] : undefined
  return Buffer.isBuffer(held) ? held : Buffer.alloc(0)
}
