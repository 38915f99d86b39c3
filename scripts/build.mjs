// Bundles the Action (dist/index.js), the CLI (dist/cli/index.js) and the scan worker
// (dist/worker/index.js) with ncc, each with a licenses.txt of the packages it holds. tsc compiles
// the sources once into build/ (type-checking them); ncc then bundles that JavaScript, the three
// bundles at once, instead of type-checking the whole project again for each (a minute in all).
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'acorn'
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
 * Writes characters past ASCII as `\u` escapes where an escape means the same character: in
 * string literals, regexes, untagged templates and comments. One such character anywhere makes
 * V8 hold the whole bundle as two-byte text, which costs start-up time (about 5 ms for the CLI).
 * Anywhere else (a no-break space between tokens, a tagged template whose raw text a tag may
 * read) the character stays as it is.
 */
function asciiOnly(file) {
  const source = readFileSync(file, 'utf8')
  if (!NON_ASCII.test(source)) return
  const safe = []
  const onComment = (_block, _text, start, end) => safe.push([start, end])
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module', onComment })
  visit(ast, undefined, (node, parent) => {
    if (node.type === 'Literal' && (typeof node.value === 'string' || node.regex))
      safe.push([node.start, node.end])
    if (node.type === 'TemplateLiteral' && parent?.type !== 'TaggedTemplateExpression')
      for (const q of node.quasis) safe.push([q.start, q.end])
  })
  safe.sort((a, b) => a[0] - b[0])
  let out = ''
  let last = 0
  for (const [start, end] of safe) {
    if (start < last) continue
    out += source.slice(last, start) + escapeNonAscii(source.slice(start, end))
    last = end
  }
  out += source.slice(last)
  parse(out, { ecmaVersion: 'latest', sourceType: 'module' }) // still one module
  if (out !== source) writeFileSync(file, out)
}

const NON_ASCII = /[\u0080-\uffff]/

/** Each UTF-16 unit past ASCII as `\uXXXX`, unless a backslash already escapes it. */
function escapeNonAscii(text) {
  return text.replace(/(\\*)([\u0080-\uffff])/g, (all, slashes, c) =>
    slashes.length % 2 === 1
      ? all
      : `${slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** Calls `fn` on every node of an ESTree tree with its parent. */
function visit(node, parent, fn) {
  fn(node, parent)
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v.type === 'string') visit(v, node, fn)
    } else if (value && typeof value.type === 'string' && value !== parent) {
      visit(value, node, fn)
    }
  }
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
