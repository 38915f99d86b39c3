import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runNpm } from '../npm-cli.js'
import { Budget } from './limits.js'
import { readPath } from './dir.js'
import { ArtifactError, type Entry } from './types.js'

interface PackFile {
  path: string
}

/**
 * The files npm would publish from a package folder, as npm itself computes them
 * (`npm pack --dry-run --json --ignore-scripts`): lifecycle scripts never run. npm writes a
 * debug log and cache files on every run, and may check for its own update: its cache and logs
 * go to a temporary folder removed after, the update check is off, and so is Node's compile
 * cache (Node 22+ keeps one in the temp folder). Flags, so that no
 * `.npmrc` of the checked folder can send them elsewhere (npm ranks the command line first).
 */
export async function npmPackList(dir: string, artifact: string): Promise<string[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'packguard-npm-'))
  let stdout: string
  try {
    stdout = await runNpm(
      [
        'pack',
        '--dry-run',
        '--json',
        '--ignore-scripts',
        '--workspaces=false',
        `--cache=${join(scratch, 'cache')}`,
        `--logs-dir=${join(scratch, 'logs')}`,
        '--update-notifier=false',
        '--audit=false',
        '--fund=false',
      ],
      // Node 22+ lets npm keep a compile cache in the temp folder: not here.
      { cwd: dir, env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' }, timeoutMs: 120_000 },
    )
  } catch (err) {
    throw new ArtifactError(
      artifact,
      `npm pack --dry-run failed: ${(err as Error).message.replace(/^npm pack: /, '')}`,
    )
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  let parsed: Array<{ files?: PackFile[] }>
  try {
    parsed = JSON.parse(stdout)
  } catch {
    throw new ArtifactError(artifact, 'npm pack --dry-run printed no JSON file list')
  }
  const files = parsed[0]?.files
  if (!Array.isArray(files)) throw new ArtifactError(artifact, 'npm pack --dry-run listed no files')
  return files.map((f) => f.path).sort()
}

/** Reads exactly the files npm would publish from `dir`, as entries. */
export async function* readNpmDir(
  dir: string,
  artifact: string,
  opts: { budget: Budget },
): AsyncGenerator<Entry> {
  for (const path of await npmPackList(dir, artifact)) yield await readPath(dir, path, opts)
}
