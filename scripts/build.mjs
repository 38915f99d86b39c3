// Bundles the Action (dist/index.js), the CLI (dist/cli/index.js) and the scan worker
// (dist/worker/index.js) with ncc, each with a licenses.txt of the packages it holds. tsc compiles
// the sources once into build/ (type-checking them); ncc then bundles that JavaScript, the three
// bundles at once, instead of type-checking the whole project again for each (a minute in all).
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { licensesText } from './licenses.mjs'

const run = promisify(execFile)

async function step(what, cmd, args) {
  try {
    await run(cmd, args)
  } catch (err) {
    process.stderr.write(`${err.stdout ?? ''}${err.stderr ?? ''}`)
    throw new Error(`build: ${what} failed`, { cause: err })
  }
}

async function ncc(entry, out) {
  const stats = join('build', `${out.replaceAll('/', '-')}.stats.json`)
  await step(`bundling ${entry}`, 'npx', [
    'ncc',
    'build',
    entry,
    '-o',
    out,
    '--stats-out',
    stats,
    '--no-cache',
    '-q',
  ])
  const text = licensesText(process.cwd(), stats)
  if (text.trim()) writeFileSync(join(out, 'licenses.txt'), text)
  for (const f of readdirSync(out)) if (f.endsWith('.js')) asciiOnly(join(out, f))
}

/**
 * Writes every character past ASCII as a `\u` escape (in strings, regexes, comments alike): one
 * such character makes V8 hold the whole bundle as two-byte text, which costs start-up time
 * (about 5 ms for the CLI). A String.raw template would see the escape, so none may hold one.
 */
function asciiOnly(file) {
  const source = readFileSync(file, 'utf8')
  for (const m of source.matchAll(/String\.raw`[^`]*`/g))
    if (/[\u0080-\uffff]/.test(m[0])) throw new Error(`build: non-ASCII in a String.raw in ${file}`)
  const escaped = source.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  if (escaped !== source) writeFileSync(file, escaped)
}

rmSync('dist', { recursive: true, force: true })
rmSync('build', { recursive: true, force: true })
try {
  await step('tsc', 'npx', ['tsc', '-p', 'tsconfig.build.json'])
  await Promise.all([
    ncc('build/src/index.js', 'dist'),
    ncc('build/src/bin.js', 'dist/cli'),
    ncc('build/src/scan-worker.js', 'dist/worker'),
  ])
} finally {
  rmSync('build', { recursive: true, force: true })
}
