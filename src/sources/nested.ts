import { gunzipSync } from 'node:zlib'
import { Budget, LimitExceeded } from './limits.js'
import { topFolderFor } from './open.js'
import { sniff } from './sniff.js'
import { readTar } from './tar/reader.js'
import { ArtifactError, type Entry } from './types.js'
import { readZip } from './zip.js'

const CHUNK = 64 * 1024

/**
 * The entries of an archive found inside another (a .jar in a .zip, a .tgz in a .tgz), read
 * from its bytes with the outer artifact's budget. Paths become `outer/x.jar!/inner/path`.
 * Returns undefined when the bytes are not an archive. A gzip that holds no tar (a `.js.gz`
 * asset) yields its one decompressed file.
 */
export function openNested(outer: Entry, budget: Budget): AsyncIterable<Entry> | undefined {
  const content = outer.content
  if (!content || content.length === 0) return undefined
  const kind = sniff(content.subarray(0, 512)).kind
  if (kind !== 'zip' && kind !== 'tar' && kind !== 'gzip') return undefined
  const depth = (outer.depth ?? 0) + 1
  const inner =
    kind === 'zip'
      ? readZip(content, { artifact: outer.path, budget, countCompressed: false })
      : kind === 'tar'
        ? readTar(chunks(content), tarOptions(outer, budget, false))
        : gzipEntries(outer, budget)
  return prefixed(inner, outer.path, depth)
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
    if (e.texts) {
      out.texts = e.texts.map((t) => ({
        ...t,
        path: t.path.startsWith('!') ? `${prefix}${t.path}` : `${prefix}!/${t.path}`,
      }))
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
