import { WholeCollector } from '../sources/body.js'
import type { Entry, EntrySummary } from '../sources/types.js'
import { defineFamily } from './types.js'

interface PackageJson {
  name?: string
  version?: string
  private?: boolean
  main?: string
  module?: string
  types?: string
  typings?: string
  browser?: string | Record<string, unknown>
  bin?: string | Record<string, string>
  exports?: unknown
  files?: string[]
}

/** npm package metadata: version vs tag, entry points, bin files, publishability. */
export const npmMetadataRules = defineFamily({
  rules: [
    {
      id: 'metadata/version-mismatch',
      category: 'drift',
      severity: 'error',
      description: '`package.json` version differs from the release tag (or `--expect-version`).',
    },
    {
      id: 'metadata/missing-entry-point',
      category: 'drift',
      severity: 'error',
      description:
        'An entry point (`main`, `module`, `types`, `exports` target, `bin`) is not in the artifact.',
    },
    {
      id: 'metadata/bin-shebang',
      category: 'drift',
      severity: 'error',
      description: 'A `bin` file does not start with a `#!` line, so it cannot run as a command.',
    },
    {
      id: 'metadata/bin-not-executable',
      category: 'drift',
      severity: 'warning',
      description: 'A `bin` file has lost its executable bit.',
    },
    {
      id: 'metadata/private-package',
      category: 'policy',
      severity: 'error',
      description: '`package.json` says `"private": true` in an artifact meant for publishing.',
    },
    {
      id: 'metadata/no-files-list',
      category: 'policy',
      severity: 'notice',
      description: '`package.json` has no `files` list: everything not ignored ships.',
    },
    {
      id: 'metadata/invalid-package-json',
      category: 'drift',
      severity: 'error',
      description: 'The root `package.json` is not valid JSON.',
    },
  ],
  create({ report, expectVersion }) {
    let pkgText: string | undefined
    // The first two characters of each file: a string, so no file's bytes are kept alive.
    const heads = new Map<string, string>()
    return {
      stream(e) {
        if (e.depth || e.path !== 'package.json') return undefined
        return new WholeCollector((bytes) => (pkgText = bytes.toString('utf8')))
      },
      entry(e: Entry) {
        const bytes = e.content ?? e.head
        if (e.depth || e.type !== 'file' || !bytes) return
        if (e.path === 'package.json' && e.content) pkgText = e.content.toString('utf8')
        heads.set(e.path, bytes.toString('latin1', 0, 2))
      },
      end(entries) {
        if (pkgText === undefined) return
        let pkg: PackageJson
        try {
          pkg = JSON.parse(pkgText)
        } catch (err) {
          report({
            rule: 'metadata/invalid-package-json',
            file: 'package.json',
            message: `package.json is not valid JSON (${(err as Error).message})`,
          })
          return
        }
        const files = new Map(entries.filter((e) => e.type !== 'directory').map((e) => [e.path, e]))
        const at = (field: string) => ({ file: 'package.json', key: field })
        if (expectVersion && pkg.version !== expectVersion.replace(/^v/, '')) {
          report({
            rule: 'metadata/version-mismatch',
            ...at('version'),
            message: `package.json version is ${pkg.version ?? '(none)'} but the release is ${expectVersion}`,
          })
        }
        if (pkg.private === true) {
          report({
            rule: 'metadata/private-package',
            ...at('private'),
            message: 'package.json has "private": true: npm will refuse to publish it',
          })
        }
        if (!Array.isArray(pkg.files)) {
          report({
            rule: 'metadata/no-files-list',
            ...at('files'),
            message:
              'package.json has no "files" list: everything not in .npmignore or .gitignore ships',
          })
        }
        for (const [field, target] of entryPoints(pkg)) {
          if (!resolveEntry(target, files)) {
            report({
              rule: 'metadata/missing-entry-point',
              file: 'package.json',
              key: `${field}:${target}`,
              message: `package.json ${field} points to ${target}, which is not in the artifact`,
            })
          }
        }
        for (const [name, target] of bins(pkg)) {
          const e = resolveEntry(target, files)
          if (!e) continue
          if (heads.get(e.path) !== '#!') {
            report({
              rule: 'metadata/bin-shebang',
              file: e.path,
              message: `bin '${name}' (${e.path}) does not start with a #! line`,
            })
          }
          if ((e.mode & 0o111) === 0 && e.mode !== 0) {
            report({
              rule: 'metadata/bin-not-executable',
              file: e.path,
              message: `bin '${name}' (${e.path}) is not executable (mode ${e.mode.toString(8).padStart(4, '0')})`,
            })
          }
        }
      },
    }
  },
})

function bins(pkg: PackageJson): Array<[string, string]> {
  if (typeof pkg.bin === 'string') return [[pkg.name?.replace(/^@[^/]+\//, '') ?? 'bin', pkg.bin]]
  if (pkg.bin && typeof pkg.bin === 'object')
    return Object.entries(pkg.bin).filter((b): b is [string, string] => typeof b[1] === 'string')
  return []
}

function entryPoints(pkg: PackageJson): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const field of ['main', 'module', 'types', 'typings'] as const) {
    if (typeof pkg[field] === 'string') out.push([field, pkg[field] as string])
  }
  if (typeof pkg.browser === 'string') out.push(['browser', pkg.browser])
  for (const [name, target] of bins(pkg)) out.push([`bin.${name}`, target])
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (!v.includes('*') && v.startsWith('./')) out.push([key, v])
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${key}[${i}]`))
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, `${key}["${k}"]`)
  }
  walk(pkg.exports, 'exports')
  return out
}

/** Resolves an entry as Node would for `main`: the path, then .js/.json/.node, then index.js. */
function resolveEntry(target: string, files: Map<string, EntrySummary>): EntrySummary | undefined {
  const p = target.replace(/^\.\//, '').replace(/\/$/, '')
  for (const c of [p, `${p}.js`, `${p}.json`, `${p}.node`, `${p}/index.js`, `${p}/index.json`]) {
    const e = files.get(c)
    if (e) return e
  }
  return undefined
}
