import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { check } from './check.js'
import { loadConfig } from './config/load.js'
import { formatSize } from './config/units.js'
import { realDeps } from './deps.js'
import { serializeManifest } from './drift/manifest.js'
import { snapshot } from './snapshot.js'
import { ArtifactError } from './sources/types.js'
import { ConfigError, EXIT, exitCode, UsageError } from './errors.js'
import { resolveOptions } from './options.js'
import { renderJson } from './report/json.js'
import { renderMarkdown } from './report/markdown.js'
import { renderSarif } from './report/sarif.js'
import { renderText } from './report/text.js'
import type { Report } from './report/types.js'
import { VERSION } from './version.js'

/** What the CLI touches of the outside world; tests and the bin entry supply it. */
export interface CliIo {
  cwd: string
  env: Record<string, string | undefined>
  stdout: { write(s: string): unknown; isTTY?: boolean }
  stderr: { write(s: string): unknown }
}

const HELP = `packguard: check a built package before it ships

Usage:
  packguard check <artifact...> [options]   check tarballs, zips, folders or globs
  packguard snapshot <artifact> [options]   write the artifact's lockfile (packguard.lock.json)
  packguard --help | --version

Run 'packguard check --help' or 'packguard snapshot --help' for the options.
`

const SNAPSHOT_HELP = `Usage: packguard snapshot <artifact> [options]

Writes a deterministic manifest of the artifact (path, size, mode and sha256 of every file) to
commit next to the release process; 'packguard check --lockfile' then fails on any drift from it.

Options:
  --output <file>        where to write it (default packguard.lock.json; '-' for stdout)
  --config <file>        config file (for safety limits)
  --no-pack              read an npm package folder whole, not just what npm would publish
`

const CHECK_HELP = `Usage: packguard check <artifact...> [options]

Artifacts: npm tarballs, .tar/.tar.gz/.tgz, zip family (.zip .whl .jar .vsix .nupkg ...),
folders, npm package folders (checked as 'npm pack' would publish them), or globs of these.

Options:
  --config <file>        config file (default: .github/packguard.yml if present)
  --format <fmt>         text (default), json, markdown or sarif
  --output <file>        write the report in --format to this file; text still goes to stdout
  --fail-on <severity>   error (default), warning, notice or never
  --no-pack              scan an npm package folder whole, not just what npm would publish
  --lockfile <file>      compare with a committed lockfile (see 'packguard snapshot')
  --update-lockfile      rewrite the lockfile from the artifact instead of failing on drift
  --baseline <spec>      compare with another artifact file, npm:<name>@<version|tag>, or
                         npm:previous (the highest published version below the one checked)
  --expect-version <v>   the version being released, or <package>@<version> in a monorepo
                         (default: the tag of GITHUB_REF refs/tags/*)
  -h, --help             show this help

Exit status: 0 pass, 1 findings at or above --fail-on, 2 usage or config error,
3 an artifact could not be read completely.
`

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const
type Format = (typeof FORMATS)[number]

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io)
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.stderr.write(`packguard: ${err.message}\n`)
      return EXIT.usage
    }
    io.stderr.write(`packguard: internal error: ${(err as Error).stack ?? err}\n`)
    return EXIT.unreadable
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${VERSION}\n`)
    return EXIT.pass
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(HELP)
    return command === undefined ? EXIT.usage : EXIT.pass
  }
  if (command === 'snapshot') return runSnapshot(rest, io)
  if (command !== 'check') {
    throw new UsageError(`unknown command '${command}'. Run 'packguard --help'.`)
  }
  const args = parseCheckArgs(rest)
  if (args.help) {
    io.stdout.write(CHECK_HELP)
    return EXIT.pass
  }
  const options = await resolveOptions({
    cwd: io.cwd,
    paths: args.paths,
    config: args.config,
    failOn: args.failOn,
    pack: !args.noPack,
    lockfile: args.lockfile,
    updateLockfile: args.updateLockfile,
    baseline: args.baseline,
    expectVersion: args.expectVersion,
    ref: io.env.GITHUB_REF,
  })
  const report = await check(options, realDeps(io.cwd, io.env))
  const color = useColor(io)
  const lock = report.artifacts[0]?.lockfile
  if (args.updateLockfile && lock?.changed && !report.artifacts[0].error) {
    await writeFile(resolve(io.cwd, lock.path), serializeManifest(lock.proposed))
    io.stderr.write(`packguard: updated ${lock.path}; review and commit it\n`)
  }
  if (args.output) {
    await writeFile(resolve(io.cwd, args.output), render(report, args.format, false))
    io.stdout.write(renderText(report, { color }))
  } else {
    io.stdout.write(render(report, args.format, color))
  }
  return exitCode(report)
}

function render(report: Report, format: Format, color: boolean): string {
  if (format === 'json') return renderJson(report)
  if (format === 'markdown') return renderMarkdown(report)
  if (format === 'sarif') return renderSarif(report)
  return renderText(report, { color })
}

function parseCheckArgs(argv: string[]) {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        'fail-on': { type: 'string' },
        'no-pack': { type: 'boolean', default: false },
        lockfile: { type: 'string' },
        'update-lockfile': { type: 'boolean', default: false },
        baseline: { type: 'string' },
        'expect-version': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (err) {
    throw new UsageError(`${(err as Error).message}. Run 'packguard check --help'.`)
  }
  const { values, positionals } = parsed
  const format = values.format as Format
  if (!FORMATS.includes(format))
    throw new UsageError(`Invalid --format '${format}'. Expected one of ${FORMATS.join(', ')}.`)
  if (!values.help && positionals.length === 0)
    throw new UsageError("No artifact given. Run 'packguard check --help'.")
  return {
    paths: positionals,
    config: values.config,
    format,
    output: values.output,
    failOn: values['fail-on'],
    noPack: values['no-pack'],
    lockfile: values.lockfile,
    updateLockfile: values['update-lockfile'],
    baseline: values.baseline,
    expectVersion: values['expect-version'],
    help: values.help,
  }
}

async function runSnapshot(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', default: 'packguard.lock.json' },
        config: { type: 'string' },
        'no-pack': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (err) {
    throw new UsageError(`${(err as Error).message}. Run 'packguard snapshot --help'.`)
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout.write(SNAPSHOT_HELP)
    return EXIT.pass
  }
  if (positionals.length !== 1)
    throw new UsageError("snapshot takes exactly one artifact. Run 'packguard snapshot --help'.")
  const config = await loadConfig(io.cwd, values.config)
  let manifest
  try {
    manifest = await snapshot(io.cwd, positionals[0], config, !values['no-pack'])
  } catch (err) {
    if (!(err instanceof ArtifactError)) throw err
    io.stderr.write(`packguard: ${err.message}\n`)
    return EXIT.unreadable
  }
  const text = serializeManifest(manifest)
  if (values.output === '-') io.stdout.write(text)
  else {
    await writeFile(resolve(io.cwd, values.output), text)
    io.stdout.write(
      `wrote ${values.output} (${manifest.totals.files} files, ${formatSize(manifest.totals.bytes)})\n`,
    )
  }
  return EXIT.pass
}

function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true
  return Boolean(io.stdout.isTTY)
}
