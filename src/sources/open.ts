import { open as openFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { readDir } from './dir.js'
import { Budget, type SafetyLimits } from './limits.js'
import { readNpmDir } from './npm-dir.js'
import { sniff } from './sniff.js'
import { readTar } from './tar/reader.js'
import { fileChunks } from './file-chunks.js'
import { ArtifactError, type OpenedArtifact } from './types.js'
import { readZip } from './zip.js'

export interface OpenOptions {
  limits: SafetyLimits
  /** For a folder with package.json: read what `npm pack` would publish (default) or every file. */
  pack: boolean
}

const CHUNK = 64 * 1024

/**
 * Opens any supported artifact (tar, gzipped tar, zip family, folder, npm package folder),
 * deciding the format from magic bytes. Throws ArtifactError naming the file and the cause.
 */
export async function openArtifact(path: string, opts: OpenOptions): Promise<OpenedArtifact> {
  const st = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new ArtifactError(path, err.code === 'ENOENT' ? 'no such file or directory' : err.message)
  })
  const budget = new Budget(opts.limits)
  if (st.isDirectory()) {
    const isNpm =
      opts.pack && (await stat(join(path, 'package.json')).catch(() => undefined))?.isFile()
    return isNpm
      ? { format: 'npm-directory', entries: readNpmDir(path, path, { budget }), budget }
      : { format: 'directory', entries: readDir(path, { budget }), budget }
  }
  if (!st.isFile()) throw new ArtifactError(path, 'not a regular file or directory')
  const head = await readHead(path)
  const kind = sniff(head)
  switch (kind.kind) {
    case 'zip':
      return { format: 'zip', entries: readZip(path, { artifact: path, budget }), budget }
    case 'gzip':
    case 'tar': {
      // Compressed input goes to zlib only, which keeps nothing of it: its buffers are reused.
      // A tar's pieces may be kept as small files' contents, so they are fresh.
      const gzip = kind.kind === 'gzip'
      const input = fileChunks(path, gzip ? 8 * CHUNK : CHUNK, { reuse: gzip })
      const top = topFolderFor(path, gzip)
      return {
        format: kind.kind === 'gzip' ? 'tar+gzip' : 'tar',
        entries: readTar(input, { artifact: path, budget, top }),
        budget,
      }
    }
    case 'empty':
      throw new ArtifactError(path, 'empty file (0 bytes): not an archive')
    case 'unsupported':
      throw new ArtifactError(path, `unsupported archive format: ${kind.name}`)
    case 'ar':
      // Read when nested (a .deb in a package); as the artifact itself, not yet.
      throw new ArtifactError(path, 'unsupported archive format: ar (a .deb or static library)')
    default:
      throw new ArtifactError(
        path,
        `not a supported archive (first bytes: ${hex(head.subarray(0, 8))})`,
      )
  }
}

/**
 * npm strips the first folder of every path of a gzipped tarball, whatever its name: `package/`
 * as npm packs, but published tarballs also hold `owner-repo-sha/` (a GitHub archive). A
 * gzipped tar that starts with its top folder (a folder entry, or `<top>/package.json`) is read
 * the same way, so paths are those that install. Otherwise only `package/` or a folder named
 * like the file (`name-1.0.tar.gz` holding `name-1.0/`, as source releases are) is stripped: a
 * first entry `vendor/x` says nothing of the entries after it.
 */
export function topFolderFor(
  archivePath: string,
  gzipped: boolean,
): (firstPath: string, folder: boolean) => string | undefined {
  const stem = basename(archivePath).replace(/\.(tar\.gz|tgz|tar|gz)$/i, '')
  return (firstPath, folder) => {
    const slash = firstPath.indexOf('/')
    const top = slash === -1 ? firstPath : firstPath.slice(0, slash)
    if (top === 'package' || top === stem) return top
    const leads = folder ? slash === -1 : firstPath === `${top}/package.json`
    return gzipped && top !== '' && leads ? top : undefined
  }
}

async function readHead(path: string): Promise<Buffer> {
  const fh = await openFile(path, 'r')
  try {
    const buf = Buffer.alloc(512)
    const { bytesRead } = await fh.read(buf, 0, 512, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

function hex(b: Buffer): string {
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ')
}
