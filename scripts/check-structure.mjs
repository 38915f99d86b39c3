// Guard rails for the source tree, run by `npm run lint`:
// - no import cycles among src/ files, type-only imports included;
// - no hand-written source file (src/, scripts/, bench/, __tests__/) over MAX_LINES lines;
// - only src/action.ts imports @actions/core, and only src/bin.ts imports the CLI adapter (the
//   Action bundle must not carry the CLI).
// Imports are read with TypeScript's own pre-processor, so every form counts: `import type`,
// `export ... from`, dynamic `import()`.
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

const MAX_LINES = 400
const ROOTS = ['src', 'scripts', 'bench', '__tests__']
const ONLY_CORE = 'src/action.ts'
const CLI = 'src/cli.ts'
const ONLY_CLI = 'src/bin.ts'
/** Files that are generated, not written by hand (checked against their source by a test). */
const GENERATED = [/\.generated\.ts$/]

function walk(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name)
    if (d.isDirectory()) return d.name === 'golden' || d.name === 'node_modules' ? [] : walk(p)
    return /\.(ts|mts|mjs|js)$/.test(d.name) ? [p] : []
  })
}

/** The src/ file an import specifier names, or undefined for packages and node: modules. */
function target(from, spec) {
  if (!spec.startsWith('.')) return undefined
  const base = resolve(dirname(from), spec).replace(/\.js$/, '')
  for (const c of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(c)) return relative('.', c)
  return undefined
}

function imports(file) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
  return info.importedFiles.map((f) => f.fileName)
}

/** Tarjan's strongly connected components: every component of more than one file is a cycle. */
function cycles(graph) {
  let index = 0
  const stack = []
  const on = new Set()
  const idx = new Map()
  const low = new Map()
  const out = []
  const visit = (v) => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    on.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v), low.get(w)))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)))
    }
    if (low.get(v) === idx.get(v)) {
      const comp = []
      let w
      do {
        w = stack.pop()
        on.delete(w)
        comp.push(w)
      } while (w !== v)
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort())
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) visit(v)
  return out
}

const problems = []
const graph = new Map()
for (const file of walk('src')) {
  const specs = imports(file)
  if (file !== ONLY_CORE && specs.includes('@actions/core'))
    problems.push(
      `${file}: imports @actions/core (only ${ONLY_CORE} may: it is the Action adapter)`,
    )
  const targets = [...new Set(specs.map((s) => target(file, s)).filter(Boolean))]
  if (file !== ONLY_CLI && targets.includes(CLI))
    problems.push(`${file}: imports ${CLI} (only ${ONLY_CLI}, the CLI's entry, may)`)
  graph.set(file, targets)
}
for (const comp of cycles(graph)) problems.push(`import cycle: ${comp.join(' <-> ')}`)
for (const file of ROOTS.flatMap(walk)) {
  if (GENERATED.some((g) => g.test(file))) continue
  const lines = readFileSync(file, 'utf8').split('\n').length
  if (lines > MAX_LINES)
    problems.push(`${file}: ${lines} lines (at most ${MAX_LINES}: split it by concept)`)
}
if (problems.length) {
  for (const p of problems) console.error(p)
  process.exit(1)
}
console.log(`structure: ${graph.size} source files, no import cycle, none over ${MAX_LINES} lines`)
