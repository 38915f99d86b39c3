import { formatSize } from '../config/units.js'
import { parseRelease, releaseApplies } from '../release-tag.js'
import { WholeCollector } from '../sources/body.js'
import { MAX_MANIFEST_BYTES } from '../sources/limits.js'
import type { Entry } from '../sources/types.js'
import {
  bins,
  entryPoints,
  FileIndex,
  resolveEntry,
  type PackageEntries,
} from './npm-entry-points.js'
import { defineFamily } from './types.js'

interface PackageJson extends PackageEntries {
  version?: string
  private?: boolean
  files?: string[]
  scripts?: Record<string, unknown>
}

/** Lifecycle scripts that run at install: one of them may write or replace a bin file. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall']

/** Formats whose bins a package manager links and makes executable at install. */
const LINKED = new Set(['tar+gzip', 'npm-directory'])

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
      judged:
        'a notice when only an export condition no resolver acts on by default leads to it (Node, TypeScript, bundlers and runtimes use `node`, `import`, `require`, `default`, `types`, `browser`, `module`, `worker`, `development`, `production`, `react-native`, `deno`, `bun`, ...): such a target breaks only a tool configured for it. A warning when a subpath pattern (`./x/*`) matches no file: only imports of that subpath fail, and none can have worked.',
    },
    {
      id: 'metadata/bin-shebang',
      category: 'drift',
      severity: 'error',
      description: 'A `bin` file does not start with a `#!` line, so it cannot run as a command.',
      judged:
        'a warning when the package has an install script (`preinstall`, `install`, `postinstall`), which may write or replace the bin at install.',
    },
    {
      id: 'metadata/bin-not-executable',
      category: 'drift',
      severity: 'warning',
      description: 'A `bin` file has lost its executable bit.',
      judged:
        'a notice in npm tarballs and npm package folders: npm, pnpm and yarn set the mode when they link a bin. It stays a warning in other archives, whose files are used with the modes they carry.',
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
      description:
        'The root `package.json` cannot be read: it is not valid JSON, or it is larger than 4 MiB (then it is not parsed at all).',
    },
  ],
  create({ report, expectVersion }) {
    let pkgText: string | undefined
    let tooLarge = 0
    // The first two characters of each file: a string, so no file's bytes are kept alive.
    const heads = new Map<string, string>()
    return {
      stream(e) {
        if (e.depth || e.path !== 'package.json' || e.size > MAX_MANIFEST_BYTES) return undefined
        return new WholeCollector((bytes) => (pkgText = bytes.toString('utf8')))
      },
      entry(e: Entry) {
        const bytes = e.content ?? e.head
        if (e.depth || e.type !== 'file' || !bytes) return
        if (e.path === 'package.json' && e.size > MAX_MANIFEST_BYTES) tooLarge = e.size
        else if (e.path === 'package.json' && e.content) pkgText = e.content.toString('utf8')
        heads.set(e.path, bytes.toString('latin1', 0, 2))
      },
      end(entries, { format }) {
        if (tooLarge) {
          report({
            rule: 'metadata/invalid-package-json',
            file: 'package.json',
            message: `package.json is ${formatSize(tooLarge)}, over the ${MAX_MANIFEST_BYTES / 1024 ** 2} MiB packguard parses: its metadata (version, entry points, scripts) was not checked`,
          })
          return
        }
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
        const index = new FileIndex(entries)
        const at = (field: string) => ({ file: 'package.json', key: field })
        const release = expectVersion
          ? (parseRelease(expectVersion) ?? { version: expectVersion.replace(/^v/, '') })
          : undefined
        // A tag naming one package of a monorepo (`@acme/core@2.4.0`) says nothing of the others.
        const name = typeof pkg.name === 'string' ? pkg.name : undefined
        if (release && releaseApplies(release, name) && pkg.version !== release.version) {
          const tag = release.package ? ` (${expectVersion})` : ''
          report({
            rule: 'metadata/version-mismatch',
            ...at('version'),
            message: `package.json version is ${pkg.version ?? '(none)'} but the release is ${release.version}${tag}`,
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
        for (const ep of entryPoints(pkg)) {
          if (resolveEntry(ep, index, pkg)) continue
          report({
            rule: 'metadata/missing-entry-point',
            file: 'package.json',
            key: `${ep.field}:${ep.target}`,
            message: ep.unknownCondition
              ? `package.json ${ep.field} points to ${ep.target}, which is not in the artifact (only through the condition '${ep.unknownCondition}', which no resolver uses by default)`
              : ep.target.includes('*')
                ? `package.json ${ep.field} points to ${ep.target}, which matches no file in the artifact`
                : `package.json ${ep.field} points to ${ep.target}, which is not in the artifact`,
            ...(ep.unknownCondition
              ? { severity: 'notice' as const }
              : ep.target.includes('*')
                ? { severity: 'warning' as const }
                : {}),
          })
        }
        const installs = INSTALL_SCRIPTS.filter((s) => typeof pkg.scripts?.[s] === 'string')
        for (const [name, target] of bins(pkg)) {
          const e = resolveEntry({ target, lookup: 'main' }, index)
          if (!e || e === true) continue
          if (heads.get(e.path) !== '#!') {
            report({
              rule: 'metadata/bin-shebang',
              file: e.path,
              message: installs.length
                ? `bin '${name}' (${e.path}) does not start with a #! line (the ${installs[0]} script may write it at install)`
                : `bin '${name}' (${e.path}) does not start with a #! line`,
              ...(installs.length ? { severity: 'warning' as const } : {}),
            })
          }
          if ((e.mode & 0o111) === 0 && e.mode !== 0) {
            const linked = format !== undefined && LINKED.has(format)
            report({
              rule: 'metadata/bin-not-executable',
              file: e.path,
              message: `bin '${name}' (${e.path}) is not executable (mode ${e.mode.toString(8).padStart(4, '0')})${linked ? '; npm, pnpm and yarn set the mode when they link it' : ''}`,
              ...(linked ? { severity: 'notice' as const } : {}),
            })
          }
        }
      },
    }
  },
})
