import { resolve } from 'node:path'
import type { Config } from './config/types.js'
import { buildManifest, type Manifest } from './drift/manifest.js'
import { readArtifact } from './sources/read-artifact.js'
import { openArtifact } from './sources/open.js'
import { ArtifactError } from './sources/types.js'

/**
 * The lockfile of an artifact as it is now (`packguard snapshot`), without the lockfile's own
 * entry (`output`) when the artifact ships it. Unreadable input throws.
 */
export async function snapshot(
  cwd: string,
  artifact: string,
  config: Config,
  pack: boolean,
  output?: string,
): Promise<Manifest> {
  const read = await readArtifact(resolve(cwd, artifact), {
    open: openArtifact,
    limits: config.safety,
    pack,
    hash: true,
  })
  if (read.error) throw new ArtifactError(artifact, read.error)
  const limit = read.problems.find((p) => p.kind === 'limit-exceeded')
  if (limit) throw new ArtifactError(artifact, `not read completely: ${limit.message}`)
  return buildManifest(read.entries, read.format, output)
}
