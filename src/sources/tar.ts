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
}

/**
 * Reads a tar or gzipped tar with node-tar's strict Parser (what npm uses) and yields its
 * entries one by one. Input is consumed chunk by chunk, so memory holds one chunk's entries.
 * The archive must end with its end-of-archive marker, or the read fails closed.
 */
export async function* readTar(
  input: AsyncIterable<Buffer>,
  opts: TarOptions,
): AsyncGenerator<Entry> {
  const parser = new Parser({ strict: true, maxDecompressionRatio: Number.MAX_SAFE_INTEGER })
  const ready: Entry[] = []
  let failure: Error | undefined
  let sawEof = false
  let top: string | undefined
  let first = true

  parser.on('error', (err: Error) => {
    failure ??= err
  })
  parser.on('eof', () => {
    sawEof = true
  })
  parser.on('entry', (re: ReadEntry) => {
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
      failure ??= err as Error
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
        failure ??= err as Error
      }
    })
    re.on('end', () => {
      entry.content = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
      ready.push(entry)
    })
  })

  const fail = (err: Error): never => {
    if (err instanceof LimitExceeded) throw err
    throw new ArtifactError(opts.artifact, describeTarError(err))
  }

  for await (const chunk of input) {
    opts.budget.addCompressed(chunk.length)
    parser.write(chunk)
    while (ready.length > 0) yield ready.shift() as Entry
    if (failure) fail(failure)
  }
  await new Promise<void>((resolve) => parser.end(resolve))
  while (ready.length > 0) yield ready.shift() as Entry
  if (failure) fail(failure)
  if (!sawEof) {
    throw new ArtifactError(opts.artifact, 'truncated tar: the end-of-archive marker is missing')
  }
}

function describeTarError(err: Error): string {
  const msg = err.message.replace(/^TAR_[A-Z_]+: /, '')
  if (
    /zlib|unexpected end|incorrect header|invalid/i.test(msg) &&
    /gzip|zlib|header check|end of file/i.test(msg)
  ) {
    return `corrupt or truncated gzip data (${msg})`
  }
  if (/Unrecognized archive format/.test(msg))
    return 'not a tar archive (no valid tar header found)'
  if (/checksum failure/.test(msg)) return 'corrupt tar: header checksum failure'
  if (/Truncated input/.test(msg)) return `truncated tar: ${msg}`
  return `unreadable tar: ${msg}`
}
