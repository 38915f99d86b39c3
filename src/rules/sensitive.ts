import type { Entry } from '../sources/types.js'
import { CRUFT, SENSITIVE_FILES, TEST_FOLDER, type SensitiveFile } from './sensitive-files.js'
import { defineFamily } from './types.js'

/** Credential files, keys and cruft, by name and (where it decides) by content. */
export const sensitiveRules = defineFamily({
  rules: [
    {
      id: 'file/sensitive-env',
      category: 'leak',
      severity: 'error',
      description: 'An environment file (`.env`, `.env.production`, ...) ships.',
    },
    {
      id: 'file/sensitive-registry-credentials',
      category: 'leak',
      severity: 'error',
      description:
        'A package-registry config (`.npmrc`, `.yarnrc.yml`, `.pypirc`) ships with a token or password.',
    },
    {
      id: 'file/sensitive-credentials',
      category: 'leak',
      severity: 'error',
      description:
        'A credentials file ships (`.netrc`, `.git-credentials`, AWS, Docker, kubeconfig, gcloud, Terraform state, `.htpasswd`).',
    },
    {
      id: 'file/sensitive-private-key',
      category: 'leak',
      severity: 'error',
      description:
        'A private key or keystore file ships (`id_rsa`, `*.pem` with a key, `*.p12`, `*.jks`, ...).',
    },
    {
      id: 'file/vcs-folder',
      category: 'leak',
      severity: 'warning',
      description:
        'A version-control folder (`.git/`, `.svn/`, `.hg/`) ships: it can hold the whole history.',
    },
    {
      id: 'file/cruft',
      category: 'policy',
      severity: 'notice',
      description:
        'Development cruft ships: `.DS_Store`, editor folders, coverage reports, debug logs, backups.',
    },
    {
      id: 'file/test-folder',
      category: 'policy',
      severity: 'notice',
      description: 'An npm package ships its test folder.',
    },
  ],
  create({ report }) {
    const tests = new Set<string>()
    let isNpm = false
    const once = new Set<string>()
    return {
      entry(e) {
        if (e.type === 'directory') return
        if (!e.depth && e.path === 'package.json') isNpm = true
        const baseName = e.path.slice(e.path.lastIndexOf('/') + 1)
        const sensitive = SENSITIVE_FILES.find(
          (s) => s.name(e.path, baseName) && matchesContent(e, s),
        )
        if (sensitive)
          report({ rule: sensitive.rule, file: e.path, message: `${e.path} is ${sensitive.what}` })
        for (const c of CRUFT) {
          const m = c.test.exec(e.path)
          if (!m) continue
          // Report a folder once, by its path, not once per file inside it.
          const folder = m[0].endsWith('/') ? e.path.slice(0, m.index + m[0].length) : e.path
          if (once.has(folder)) continue
          once.add(folder)
          report({ rule: c.rule, file: folder, message: `${folder} is ${c.what}` })
        }
        const t = !e.depth ? TEST_FOLDER.exec(e.path) : null
        if (t) tests.add(e.path.slice(0, t.index + t[0].length))
      },
      end() {
        if (!isNpm) return
        for (const folder of tests) {
          if ([...tests].some((o) => o !== folder && folder.startsWith(o))) continue
          report({
            rule: 'file/test-folder',
            file: folder,
            message: `${folder} is a test folder in an npm package (add it to .npmignore or narrow "files")`,
          })
        }
      },
    }
  },
})

function matchesContent(e: Entry, s: SensitiveFile): boolean {
  if (!s.content) return true
  // Unread content (over a limit, encrypted) cannot clear a suspicious name.
  const bytes = e.content ?? e.head
  if (!bytes) return !s.broad
  return s.content(bytes.subarray(0, 1024 * 1024).toString('latin1'))
}
