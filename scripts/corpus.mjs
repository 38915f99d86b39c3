// npm run corpus: how many real packages a new user's first run fails, and why. Each artifact
// is checked by the built CLI as a new user runs it: the recommended preset, no config (the cwd
// is an empty folder, so no .github/packguard.yml is found). "Fails" is exit 1.
//
// The packages are pinned in scripts/corpus-packages.json (name@version, so runs compare); npm
// packs them into a cache outside the repo (PACKGUARD_CORPUS_CACHE, default
// ~/.cache/packguard-corpus), once. The system's wheels and jars are read where they lie.
//
//   npm run corpus -- [--only <substring>] [--json <file>] [--compare <old.json>]
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { packed, pool, run, systemArtifacts } from './corpus/artifacts.mjs'
import {
  compare,
  formatComparison,
  formatSummary,
  summarize,
  summarizeArtifact,
} from './corpus/summary.mjs'

const ROOT = join(fileURLToPath(import.meta.url), '..', '..')
const CLI = join(ROOT, 'dist', 'cli', 'index.js')
const CACHE = process.env.PACKGUARD_CORPUS_CACHE || join(homedir(), '.cache', 'packguard-corpus')
const FETCH_CONCURRENCY = 4
const CHECK_CONCURRENCY = 2

function options() {
  try {
    const { values } = parseArgs({
      options: {
        only: { type: 'string' },
        json: { type: 'string' },
        compare: { type: 'string' },
      },
    })
    return values
  } catch (err) {
    process.stderr.write(
      `${err.message}\nusage: npm run corpus -- [--only <substring>] [--json <file>] [--compare <old.json>]\n`,
    )
    process.exit(2)
  }
}

/** Every package of the list, with its group (auth-crypto, database, ...). */
function npmPackages() {
  const groups = JSON.parse(readFileSync(join(ROOT, 'scripts', 'corpus-packages.json'), 'utf8'))
  return Object.entries(groups).flatMap(([group, specs]) =>
    specs.map((spec) => ({ name: spec, kind: 'npm', group })),
  )
}

const progress = (text) => process.stderr.write(`${text}\n`)

async function fetchAll(packages) {
  const fetchErrors = []
  let done = 0
  const artifacts = await pool(packages, FETCH_CONCURRENCY, async (p) => {
    const got = await packed(p.name, CACHE)
    done += 1
    if ('error' in got) {
      fetchErrors.push({ name: p.name, message: got.error })
      progress(`[${done}/${packages.length}] ${p.name}: could not fetch`)
      return undefined
    }
    if (got.fetched) progress(`[${done}/${packages.length}] fetched ${p.name}`)
    return { ...p, file: got.file }
  })
  return { artifacts: artifacts.filter(Boolean), fetchErrors }
}

/** One artifact through the CLI, from an empty folder: no config file can be picked up. */
async function checkOne(artifact, cwd) {
  const started = process.hrtime.bigint()
  const out = await run(process.execPath, [CLI, 'check', artifact.file, '--format', 'json'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 10 * 60_000,
  })
  const seconds = Math.round(Number(process.hrtime.bigint() - started) / 1e7) / 100
  let report
  try {
    report = JSON.parse(out.stdout)
  } catch {
    report = undefined
  }
  return summarizeArtifact({ ...artifact, exit: out.code, report, stderr: out.stderr, seconds })
}

/** The newest modification time of any file below `dir`. */
function newest(dir) {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((d) => d.isFile())
      .map((d) => statSync(join(d.parentPath, d.name)).mtimeMs),
  )
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim()
  } catch {
    return undefined
  }
}

async function main() {
  const opts = options()
  if (!existsSync(CLI)) {
    process.stderr.write(`${CLI} is missing: run npm run build first\n`)
    process.exit(2)
  }
  if (newest(join(ROOT, 'src')) > statSync(CLI).mtimeMs)
    progress(`warning: src/ is newer than ${CLI}; run npm run build for current figures`)
  const old = opts.compare ? JSON.parse(readFileSync(resolve(opts.compare), 'utf8')) : undefined
  const wanted = (a) => !opts.only || a.name.includes(opts.only)
  const packages = npmPackages().filter(wanted)
  const system = systemArtifacts().filter(wanted)
  progress(
    `${packages.length} npm packages (cache ${CACHE}), ${system.length} system wheels and jars`,
  )

  const { artifacts: tarballs, fetchErrors } = await fetchAll(packages)
  const all = [...tarballs, ...system]
  const cwd = mkdtempSync(join(tmpdir(), 'packguard-corpus-'))
  let done = 0
  try {
    const results = await pool(all, CHECK_CONCURRENCY, async (artifact) => {
      const result = await checkOne(artifact, cwd)
      done += 1
      if (result.exit !== 0)
        progress(`[${done}/${all.length}] ${artifact.name}: exit ${result.exit}`)
      return result
    })
    const summary = { ...summarize(results, fetchErrors), commit: commit() }
    process.stdout.write(`${formatSummary(summary).join('\n')}\n`)
    if (opts.json) {
      writeFileSync(resolve(opts.json), `${JSON.stringify(summary, null, 2)}\n`)
      progress(`summary written to ${resolve(opts.json)}`)
    }
    if (old)
      process.stdout.write(
        `\nchanges since ${opts.compare}:\n${formatComparison(compare(old, summary)).join('\n')}\n`,
      )
  } finally {
    rmSync(cwd, { recursive: true, force: true })
  }
}

await main()
