import { gunzipSync } from 'node:zlib'
import { Budget, LimitExceeded } from './limits.js'
import { topFolderFor } from './open.js'
import { sniff } from './sniff.js'
import { readTar } from './tar/reader.js'
import { ArtifactError, type Entry } from './types.js'
import { readZip } from './zip.js'
import { readAr } from './ar.js'
import { zipAfterScript } from './zip-layout.js'

const CHUNK = 64 * 1024

/** What an entry holds as an archive: its entries, or the format we cannot read. */
export type Nested = { entries: AsyncIterable<Entry> } | { unsupported: string }

/**
 * The entries of an archive found inside another (a .jar in a .zip, a .tgz in a .tgz, a .deb),
 * read from its bytes with the outer artifact's budget. Paths become `outer/x.jar!/inner/path`.
 * Returns undefined when the bytes are not an archive, and the format's name when they are one
 * that is not read (xz, bzip2, zstd, 7z, rar): that content was not checked. A gzip that holds
 * no tar (a `.js.gz` asset) yields its one decompressed file; a script with a zip after it (an
 * executable jar, a Python zipapp) is read as that zip.
 */
export function openNested(outer: Entry, budget: Budget): Nested | undefined {
  const content = outer.content
  const head = content ?? outer.head
  if (!head || head.length === 0) return undefined
  const sniffed = sniff(head.subarray(0, 512))
  if (sniffed.kind === 'unsupported') return { unsupported: sniffed.name }
  if (!content) return undefined
  const kind = sniffed.kind === 'unknown' && zipAfterScript(content, content) ? 'zip' : sniffed.kind
  const depth = (outer.depth ?? 0) + 1
  const zipOpts = { artifact: outer.path, budget, countCompressed: false, frontScanned: true }
  let inner: AsyncIterable<Entry>
  if (kind === 'zip') inner = readZip(content, zipOpts)
  else if (kind === 'tar') inner = readTar(chunks(content), tarOptions(outer, budget, false))
  else if (kind === 'gzip') inner = gzipEntries(outer, budget)
  else if (kind === 'ar') inner = toAsync(readAr(content, { artifact: outer.path, budget }))
  else return undefined
  return { entries: prefixed(inner, outer.path, depth) }
}

async function* toAsync<T>(it: Iterable<T>): AsyncGenerator<T> {
  yield* it
}

async function* prefixed(
  inner: AsyncIterable<Entry>,
  prefix: string,
  depth: number,
): AsyncGenerator<Entry> {
  for await (const e of inner) {
    const out: Entry = { ...e, path: `${prefix}!/${e.path}`, depth }
    if (e.issues) {
      out.issues = e.issues.map((i) => ({ ...i, path: i.path ? `${prefix}!/${i.path}` : prefix }))
    }
    yield out
  }
}

function tarOptions(outer: Entry, budget: Budget, gzipped: boolean) {
  return {
    artifact: outer.path,
    budget,
    top: topFolderFor(outer.path, gzipped),
    countCompressed: false,
  }
}

async function* gzipEntries(outer: Entry, budget: Budget): AsyncGenerator<Entry> {
  let yielded = false
  try {
    for await (const e of readTar(
      chunks(outer.content as Buffer),
      tarOptions(outer, budget, true),
    )) {
      yielded = true
      yield e
    }
  } catch (err) {
    if (yielded || !(err instanceof ArtifactError) || !/not a tar archive/.test(err.cause_))
      throw err
    yield gunzipOne(outer, budget)
  }
}

function gunzipOne(outer: Entry, budget: Budget): Entry {
  const name = outer.path.split('/').pop()?.replace(/\.gz$/i, '') || 'content'
  budget.addEntry(name)
  let content: Buffer
  try {
    content = gunzipSync(outer.content as Buffer, { maxOutputLength: budget.limits.maxEntryBytes })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new LimitExceeded(
        'maxEntryBytes',
        `${outer.path} decompresses past max-entry-bytes (${budget.limits.maxEntryBytes})`,
        outer.path,
      )
    }
    throw new ArtifactError(outer.path, `cannot decompress: ${(err as Error).message}`)
  }
  budget.addBytes(content.length, name)
  return {
    path: name,
    rawPath: name,
    type: 'file',
    mode: outer.mode,
    size: content.length,
    content,
  }
}

function* chunks(buf: Buffer): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += CHUNK) yield buf.subarray(i, i + CHUNK)
}
