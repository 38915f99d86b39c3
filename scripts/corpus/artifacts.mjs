// Where the corpus's artifacts come from: npm tarballs packed into a cache outside the repo (once
// each, so a run resumes), and the wheels and jars this machine's system packages ship, read where
// they lie.
import { execFile } from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { join } from 'node:path'

/** Folders of system-packaged wheels and jars (Debian's python3-pip-whl, libguava-java, ...). */
export const SYSTEM_DIRS = [
  { dir: '/usr/share/python-wheels', ext: '.whl', kind: 'wheel' },
  { dir: '/usr/share/java', ext: '.jar', kind: 'jar' },
]

/**
 * Run `task` on every item, at most `limit` at a time, keeping the items' order in the result.
 * @template T, R
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T) => Promise<R>} task
 * @returns {Promise<R[]>}
 */
export async function pool(items, limit, task) {
  const results = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await task(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** The file name `npm pack` gives `name@version`: `@scope/name` becomes `scope-name-version.tgz`. */
export function tarballName(spec) {
  const at = spec.lastIndexOf('@')
  const name = spec.slice(0, at)
  return `${name.replace(/^@/, '').replace('/', '-')}-${spec.slice(at + 1)}.tgz`
}

/**
 * The tarball of `spec` (`name@version`) in `cache`, packed by npm when it is not there yet.
 * npm writes into a fresh folder first and the file is moved in whole, so an interrupted run
 * never leaves a truncated tarball that a later run would take for a cached one.
 * @returns {Promise<{ file: string, fetched: boolean } | { error: string }>}
 */
export async function packed(spec, cache) {
  const file = join(cache, tarballName(spec))
  if (existsSync(file)) return { file, fetched: false }
  mkdirSync(cache, { recursive: true })
  const tmp = mkdtempSync(join(cache, '.partial-'))
  try {
    const out = await run(
      'npm',
      ['pack', spec, '--pack-destination', tmp, '--json', '--ignore-scripts', '--loglevel=error'],
      { timeout: 15 * 60_000 },
    )
    if (out.code !== 0) return { error: npmError(out.stderr) || `npm pack exited ${out.code}` }
    const made = readdirSync(tmp).filter((f) => f.endsWith('.tgz'))
    if (made.length !== 1) return { error: `npm pack wrote ${made.length} tarballs` }
    renameSync(join(tmp, made[0]), file)
    return { file, fetched: true }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** The system wheels and jars present on this machine (regular files only: links are aliases). */
export function systemArtifacts(dirs = SYSTEM_DIRS) {
  const found = []
  for (const { dir, ext, kind } of dirs) {
    if (!existsSync(dir)) continue
    for (const f of readdirSync(dir).sort()) {
      const file = join(dir, f)
      if (f.endsWith(ext) && lstatSync(file).isFile())
        found.push({ name: `${kind}:${f}`, kind, file })
    }
  }
  return found
}

/**
 * Run a command to completion, collecting its output (it may be large: a report with thousands
 * of findings).
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { maxBuffer: 1 << 30, encoding: 'utf8', ...options },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0
        resolve({ code, stdout, stderr: stderr || (err && code === null ? err.message : '') })
      },
    )
  })
}

/** npm's error in a line: its code and first explanation, without the pointer to its log. */
const npmError = (text) =>
  text
    .split('\n')
    .map((l) => l.replace(/^npm (error|ERR!) /, '').trim())
    .filter((l) => l && !l.startsWith('A complete log'))
    .slice(0, 2)
    .join(': ')
