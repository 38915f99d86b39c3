import * as zlib from 'node:zlib'
import { Budget, LimitExceeded } from './limits.js'
import { zstdDecompress } from './zstd.js'
import { ArtifactError, type Entry } from './types.js'

/** How one compression is undone, with a cap on what it may produce. */
export interface Codec {
  name: string
  /** The extension the decompressed file loses. */
  ext: RegExp
  run(bytes: Buffer, maxOutputLength: number): Buffer
}

export const GZIP: Codec = {
  name: 'gzip',
  ext: /\.gz$/i,
  run: (b, max) => zlib.gunzipSync(b, { maxOutputLength: max }),
}

export const BROTLI: Codec = {
  name: 'brotli',
  ext: /\.br$/i,
  run: (b, max) => zlib.brotliDecompressSync(b, { maxOutputLength: max }),
}

export const ZSTD: Codec = {
  name: 'zstd',
  ext: /\.zst$/i,
  run: zstdDecompress,
}

/**
 * A compressed asset (`app.js.gz`, `app.js.map.br`, `data.zst`) as its one decompressed file,
 * named without the extension, counted against the artifact's budget like any entry. One that
 * does not decompress is an ArtifactError: its content was not checked, and the run says so.
 */
export function decompressOne(outer: Entry, budget: Budget, codec: Codec): Entry {
  const name = outer.path.split('/').pop()?.replace(codec.ext, '') || 'content'
  budget.addEntry(name)
  let content: Buffer
  try {
    content = codec.run(outer.content as Buffer, budget.limits.maxEntryBytes)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new LimitExceeded(
        'maxEntryBytes',
        `${outer.path} decompresses past max-entry-bytes (${budget.limits.maxEntryBytes})`,
        outer.path,
      )
    }
    throw new ArtifactError(
      outer.path,
      `cannot decompress (${codec.name}): ${(err as Error).message}`,
    )
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
