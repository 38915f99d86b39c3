import { LimitExceeded } from '../limits.js'
import { ArtifactError } from '../types.js'

/** What is wrong with the tar; `message` is node-tar's wording. */
export class TarFormatError extends Error {
  constructor(
    readonly kind: 'checksum' | 'truncated' | 'not-tar' | 'invalid',
    message: string,
  ) {
    super(message)
    this.name = 'TarFormatError'
  }
}

/**
 * The error a failed read ends with, naming the artifact and the cause. A checksum failure before
 * any entry means the bytes were never a tar; after one, a damaged tar.
 */
export function asFailure(
  err: unknown,
  sawEntry: boolean,
  artifact: string,
): ArtifactError | LimitExceeded {
  if (err instanceof ArtifactError || err instanceof LimitExceeded) return err
  if (!(err instanceof TarFormatError)) return gzipError(err as Error, artifact)
  const cause =
    err.kind === 'not-tar' || (err.kind === 'checksum' && !sawEntry)
      ? 'not a tar archive (no valid tar header found)'
      : err.kind === 'checksum'
        ? 'corrupt tar: header checksum failure'
        : err.kind === 'truncated'
          ? `truncated tar: ${err.message}`
          : `unreadable tar: ${err.message}`
  return new ArtifactError(artifact, cause)
}

/** Anything else a read meets comes from zlib or the file underneath. */
function gzipError(err: Error, artifact: string): ArtifactError {
  const code = (err as NodeJS.ErrnoException).code ?? ''
  if (/^Z_|^ERR_ZLIB/.test(code) || /zlib|header check|end of file|invalid/i.test(err.message)) {
    return new ArtifactError(artifact, `corrupt or truncated gzip data (${err.message})`)
  }
  return new ArtifactError(artifact, `unreadable: ${err.message}`)
}
