import type { UploadArtifactOptions, UploadArtifactResponse } from '@actions/artifact'

export interface UploadReportOptions {
  /** Artifact name; unique within the workflow run (a second upload of a name is refused). */
  name: string
  /** Absolute paths of the files to upload, all under `rootDirectory`. */
  files: string[]
  /** Paths inside the artifact are relative to this folder. */
  rootDirectory: string
  /**
   * The job's environment. It decides whether an upload is tried; @actions/artifact itself reads
   * `process.env`, so the Action passes `process.env` here.
   */
  env: Record<string, string | undefined>
  /** Days to keep the artifact; default the repository's setting. */
  retentionDays?: number
}

export type UploadReportResult =
  { uploaded: true; id?: number; name: string } | { uploaded: false; warning: string }

/** The one method of @actions/artifact's client that is used; a test may pass its own. */
export interface ArtifactUploader {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: UploadArtifactOptions,
  ): Promise<UploadArtifactResponse>
}

const PREFIX = 'packguard did not upload the report artifact'

/**
 * Uploads the report files as a workflow-run artifact. Never throws: outside a runner, on GitHub
 * Enterprise Server (which @actions/artifact v2+ does not support) or when the upload fails, it
 * returns a warning instead, since the check's verdict must not depend on the upload.
 */
export async function uploadReport(
  opts: UploadReportOptions,
  client?: ArtifactUploader,
): Promise<UploadReportResult> {
  const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((k) => !opts.env[k])
  if (missing.length)
    return {
      uploaded: false,
      warning: `${PREFIX}: not running in a GitHub Actions job (${missing.join(' and ')} not set)`,
    }
  if (isGhes(opts.env.GITHUB_SERVER_URL))
    return {
      uploaded: false,
      warning: `${PREFIX}: artifacts of this kind are not supported on GitHub Enterprise Server`,
    }
  if (opts.files.length === 0) return { uploaded: false, warning: `${PREFIX}: no files to upload` }
  try {
    // The artifact client (a large module) loads only when an upload is tried.
    client ??= new (await import('@actions/artifact')).DefaultArtifactClient()
    const options = opts.retentionDays ? { retentionDays: opts.retentionDays } : undefined
    const res = await client.uploadArtifact(opts.name, opts.files, opts.rootDirectory, options)
    return { uploaded: true, id: res.id, name: opts.name }
  } catch (err) {
    const cause = err instanceof Error ? err.message : String(err)
    return { uploaded: false, warning: `${PREFIX} '${opts.name}': ${cause}` }
  }
}

// The same test as @actions/artifact's, done first so the warning is ours and said once.
function isGhes(serverUrl: string | undefined): boolean {
  let host: string
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.toUpperCase()
  } catch {
    return false
  }
  return host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST')
}
