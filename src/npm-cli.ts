/** npm exited with an error; `code` is npm's own (`E404`, `E401`, `ECONNREFUSED`…) when it gave one. */
export class NpmError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
    this.name = 'NpmError'
  }
}

export interface NpmRunOptions {
  cwd: string
  env: Record<string, string | undefined>
  timeoutMs: number
}

// Settings an outer `npm run` (or a user's shell) may export that would turn our calls into
// something else: a dry run writes no tarball, a workspace selection packs the wrong package.
const OVERRIDDEN =
  /^npm_config_(dry[-_]run|workspaces?|include[-_]workspace[-_]root|json|pack[-_]destination|global)$/i

/**
 * Runs `npm <args>` in `cwd`, so npm resolves its own configuration there (project and user
 * `.npmrc`, scoped registries, `${VAR}` auth from the environment). Lifecycle scripts are off.
 * Resolves with stdout; rejects with an NpmError carrying npm's code and summary.
 */
export async function runNpm(args: string[], opts: NpmRunOptions): Promise<string> {
  // Loaded here: most checks never run npm, and the module costs a few ms at start.
  const { execFile } = await import('node:child_process')
  const env: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(opts.env)) if (!OVERRIDDEN.test(k)) env[k] = v
  env.npm_config_ignore_scripts = 'true'
  const windows = process.platform === 'win32'
  return new Promise((resolve, reject) => {
    execFile(
      windows ? 'npm.cmd' : 'npm',
      // npm.cmd can only be started through the shell on Windows; our arguments never hold quotes.
      windows ? args.map((a) => `"${a}"`) : args,
      {
        cwd: opts.cwd,
        env,
        shell: windows,
        timeout: opts.timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true,
      },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout)
        const what = `npm ${args[0]}`
        if (err.killed && err.signal) {
          return reject(
            new NpmError(`${what} timed out after ${opts.timeoutMs / 1000} s`, 'ETIMEDOUT'),
          )
        }
        const fromJson = jsonError(stdout)
        if (fromJson) return reject(new NpmError(`${what}: ${fromJson.message}`, fromJson.code))
        const code = /^npm (?:error|ERR!) code (\S+)/m.exec(stderr)?.[1]
        reject(new NpmError(`${what}: ${lastLines(stderr) || err.message}`, code))
      },
    )
  })
}

/** With `--json`, npm prints its error as `{"error": {"code", "summary", "detail"}}` on stdout. */
function jsonError(stdout: string): { code?: string; message: string } | undefined {
  try {
    const error = (JSON.parse(stdout) as { error?: { code?: unknown; summary?: unknown } }).error
    if (!error || typeof error.summary !== 'string') return undefined
    const code = typeof error.code === 'string' ? error.code : undefined
    return { code, message: code ? `${code} ${error.summary}` : error.summary }
  } catch {
    return undefined
  }
}

function lastLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^npm (error|ERR!) ?/, '').trim())
    .filter((l) => l && !/^A complete log of this run/.test(l) && !/\.log$/.test(l))
    .slice(-3)
    .join(' ')
}
