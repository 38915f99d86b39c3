import { execFile } from 'node:child_process'
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
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.platform === 'win32' ? 'npm.cmd' : 'npm',
      ['pack', '--dry-run', '--json', '--ignore-scripts', '--workspaces=false'],
      {
        cwd: dir,
        maxBuffer: 256 * 1024 * 1024,
        timeout: 120_000,
        env: { ...process.env, npm_config_ignore_scripts: 'true', npm_config_dry_run: 'true' },
      },
      (err, out, errOut) => {
        if (err) {
          const detail = lastLines(errOut) || err.message
          reject(new ArtifactError(artifact, `npm pack --dry-run failed: ${detail}`))
        } else resolve(out)
      },
    )
  })
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

function lastLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^npm (error|ERR!) ?/, '').trim())
    .filter((l) => l && !/^A complete log of this run/.test(l) && !/\.log$/.test(l))
    .slice(-3)
    .join(' ')
}
