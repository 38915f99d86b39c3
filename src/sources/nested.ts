import { BROTLI, decompressOne, GZIP, ZSTD, type Codec } from './compressed-asset.js'
import { Budget } from './limits.js'
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
 * that is not read (xz, bzip2, 7z, rar): that content was not checked. A gzip that holds no tar
 * (a `.js.gz` asset) yields its one decompressed file; so does a zstd one (by its magic) and a
 * brotli one (by its `.br` name: brotli has no magic). A script with a zip after it (an
 * executable jar, a Python zipapp) is read as that zip.
 */
export function openNested(outer: Entry, budget: Budget): Nested | undefined {
  const content = outer.content
  const head = content ?? outer.head
  if (!head || head.length === 0) return undefined
  const sniffed = sniff(head.subarray(0, 512))
  const depth = (outer.depth ?? 0) + 1
  const single = content ? singleFile(sniffed, outer.path) : undefined
  if (single) return { entries: prefixed(one(outer, budget, single), outer.path, depth) }
  if (sniffed.kind === 'unsupported') return { unsupported: sniffed.name }
  if (!content) return undefined
  const kind = sniffed.kind === 'unknown' && zipAfterScript(content, content) ? 'zip' : sniffed.kind
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

/** The codec of a compressed asset that is no archive format of its own. */
function singleFile(sniffed: ReturnType<typeof sniff>, path: string): Codec | undefined {
  if (sniffed.kind === 'unsupported' && sniffed.name === 'zstd') return ZSTD
  if (sniffed.kind === 'unknown' && BROTLI.ext.test(path)) return BROTLI
  return undefined
}

async function* one(outer: Entry, budget: Budget, codec: Codec): AsyncGenerator<Entry> {
  yield decompressOne(outer, budget, codec)
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
    yield decompressOne(outer, budget, GZIP)
  }
}

function* chunks(buf: Buffer): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += CHUNK) yield buf.subarray(i, i + CHUNK)
}
