// Bundles the Action (dist/index.js), the CLI (dist/cli/index.js) and the scan worker
// (dist/worker/index.js) with ncc, each with a licenses.txt of the packages it holds. tsc compiles
// the sources once into build/ (type-checking them); ncc then bundles that JavaScript, the three
// bundles at once, instead of type-checking the whole project again for each (a minute in all).
// First the SIMD keyword pass's WebAssembly is assembled from its .wat (scripts/assemble-wasm.mjs),
// so the bundles carry its bytes and never need the assembler.
import { execFile } from 'node:child_process'
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { asciiOnly } from './ascii.mjs'
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

rmSync('dist', { recursive: true, force: true })
rmSync('build', { recursive: true, force: true })
try {
  await step('assembling the WebAssembly', process.execPath, ['scripts/assemble-wasm.mjs'])
  await step('tsc', 'npx', ['tsc', '-p', 'tsconfig.build.json'])
  await Promise.all([
    ncc('build/src/index.js', 'dist'),
    ncc('build/src/bin.js', 'dist/cli'),
    ncc('build/src/scan-worker.js', 'dist/worker'),
  ])
} finally {
  rmSync('build', { recursive: true, force: true })
}
