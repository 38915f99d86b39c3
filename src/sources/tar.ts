import { Parser, type ReadEntry } from 'tar'
import { tooLarge, Budget, LimitExceeded } from './limits.js'
import { normalizeEntryPath, stripTop } from './paths.js'
import { ArtifactError, type Entry, type EntryType } from './types.js'

const TYPES: Record<string, EntryType> = {
  File: 'file',
  OldFile: 'file',
  ContiguousFile: 'file',
  Directory: 'directory',
  SymbolicLink: 'symlink',
  Link: 'hardlink',
  CharacterDevice: 'char-device',
  BlockDevice: 'block-device',
  FIFO: 'fifo',
}

export interface TarOptions {
  /** Name used in error messages. */
  artifact: string
  /** A top folder to strip from every path under it (`package` for npm). */
  top?: (firstPath: string) => string | undefined
  budget: Budget
  /** Count input bytes toward the compression ratio (false for archives nested in another). */
  countCompressed?: boolean
}

/**
 * Reads a tar or gzipped tar with node-tar's strict Parser (what npm uses) and yields its
 * entries one by one. Input is consumed chunk by chunk, so memory holds one chunk's entries.
 * The archive must end with its end-of-archive marker, or the read fails closed.
 */
export async function* readTar(
  input: AsyncIterable<Buffer> | Iterable<Buffer>,
  opts: TarOptions,
): AsyncGenerator<Entry> {
  const parser = new Parser({ strict: true, maxDecompressionRatio: Number.MAX_SAFE_INTEGER })
  const ready: Entry[] = []
  let failure: ArtifactError | LimitExceeded | undefined
  let sawEof = false
  let top: string | undefined
  let first = true
  let sawEntry = false

  parser.on('error', (err: Error) => {
    // A damaged gzip stream also garbles the tar inside it: the gzip error is the real cause.
    if (!failure || /zlib/.test(err.message)) failure = describe(err, sawEntry, opts.artifact)
  })
  parser.on('eof', () => {
    sawEof = true
  })
  parser.on('entry', (re: ReadEntry) => {
    sawEntry = true
    const rawPath = String(re.path)
    const normalized = normalizeEntryPath(rawPath)
    if (first) {
      first = false
      top = opts.top?.(normalized)
    }
    const entry: Entry = {
      path: stripTop(normalized, top),
      rawPath,
      type: TYPES[re.type] ?? 'other',
      mode: (re.mode ?? 0) & 0o7777,
      size: re.size ?? 0,
    }
    if (re.linkpath) entry.linkTarget = String(re.linkpath)
    try {
      opts.budget.addEntry(entry.path || rawPath)
    } catch (err) {
      failure ??= err as LimitExceeded
      re.resume()
      return
    }
    if (entry.type !== 'file') {
      re.resume()
      if (entry.path !== '') ready.push(entry)
      return
    }
    if (!opts.budget.entryFits(entry.size)) {
      entry.unreadable = tooLarge(opts.budget)
      re.resume()
      ready.push(entry)
      return
    }
    const chunks: Buffer[] = []
    re.on('data', (c: Buffer) => {
      if (failure) return
      try {
        opts.budget.addBytes(c.length, entry.path)
        chunks.push(c)
      } catch (err) {
        failure ??= err as LimitExceeded
      }
    })
    re.on('end', () => {
      entry.content = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
      ready.push(entry)
    })
  })

  // node-tar parses synchronously inside write() and end(): after each call, the entries it
  // completed are in `ready` and any error is in `failure`.
  for await (const chunk of input) {
    if (opts.countCompressed !== false) opts.budget.addCompressed(chunk.length)
    parser.write(chunk)
    while (ready.length > 0) yield ready.shift() as Entry
    if (failure) throw failure
  }
  parser.end()
  while (ready.length > 0) yield ready.shift() as Entry
  if (failure) throw failure
  if (!sawEof) {
    throw new ArtifactError(opts.artifact, 'truncated tar: the end-of-archive marker is missing')
  }
}

function describe(err: Error, sawEntry: boolean, artifact: string): ArtifactError | LimitExceeded {
  if (err instanceof LimitExceeded) return err
  const msg = err.message.replace(/^TAR_[A-Z_]+: /, '')
  const cause = /zlib/.test(msg)
    ? `corrupt or truncated gzip data (${msg.replace(/^zlib: /, '')})`
    : /Unrecognized archive format/.test(msg) || (!sawEntry && /checksum failure/.test(msg))
      ? 'not a tar archive (no valid tar header found)'
      : /checksum failure/.test(msg)
        ? 'corrupt tar: header checksum failure'
        : /Truncated input/.test(msg)
          ? `truncated tar: ${msg}`
          : `unreadable tar: ${msg}`
  return new ArtifactError(artifact, cause)
}
