import { runNpm } from '../npm-cli.js'
import { Budget } from './limits.js'
import { readPath } from './dir.js'
import { ArtifactError, type Entry } from './types.js'

interface PackFile {
  path: string
}

/**
 * The files npm would publish from a package folder, as npm itself computes them
 * (`npm pack --dry-run --json --ignore-scripts`): lifecycle scripts never run.
 */
export async function npmPackList(dir: string, artifact: string): Promise<string[]> {
  let stdout: string
  try {
    stdout = await runNpm(
      ['pack', '--dry-run', '--json', '--ignore-scripts', '--workspaces=false'],
      {
        cwd: dir,
        env: process.env,
        timeoutMs: 120_000,
      },
    )
  } catch (err) {
    throw new ArtifactError(
      artifact,
      `npm pack --dry-run failed: ${(err as Error).message.replace(/^npm pack: /, '')}`,
    )
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
