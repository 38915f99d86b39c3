import type { Entry } from '../sources/types.js'
import { binaryKeyKind } from './key-bytes.js'
import { CRUFT, SENSITIVE_FILES, TEST_FOLDER, type SensitiveFile } from './sensitive-files.js'
import { defineFamily } from './types.js'

/** Credential files, keys and cruft, by name and (where it decides) by content. */
export const sensitiveRules = defineFamily({
  rules: [
    {
      id: 'file/sensitive-env',
      category: 'leak',
      severity: 'error',
      description:
        'An environment file ships: `.env`, `.env.production`, `.env_production`, `*.env`, `.envrc`, files under `.envs/`, and the leftovers a release step leaves (`.env~`, `#.env#`, a name with trailing spaces or invisible characters).',
    },
    {
      id: 'file/sensitive-registry-credentials',
      category: 'leak',
      severity: 'error',
      description:
        'A package-registry config ships with a token or password: `.npmrc`/`npmrc` (a byte-order mark too), `.yarnrc`, `.yarnrc.yml`, `.pypirc`, `.gem/credentials`, `.cargo/credentials.toml`.',
    },
    {
      id: 'file/sensitive-credentials',
      category: 'leak',
      severity: 'error',
      description:
        'A credentials file ships: `.netrc`, `.pgpass`, `.git-credentials`, AWS, a Docker `config.json` with auths, a kubeconfig with credentials (`admin.conf`, `*.kubeconfig`), gcloud, Terraform state and its `.backup`, `.htpasswd`.',
    },
    {
      id: 'file/sensitive-private-key',
      category: 'leak',
      severity: 'error',
      description:
        'A private key or keystore file ships: `id_rsa`, `*.pem` with a key, `*.p12`, `*.jks`, ..., and, whatever its name, a DER private key (PKCS#1, PKCS#8, EC, encrypted), a PKCS#12 bundle or a Java keystore told by its bytes.',
    },
    {
      id: 'file/vcs-folder',
      category: 'leak',
      severity: 'warning',
      description:
        'A version-control folder (`.git/`, `.svn/`, `.hg/`) ships: it can hold the whole history.',
      judged:
        'A `.git/` folder is an error: its `config` can hold remote URLs with credentials and its objects every version of every file (both are scanned for secrets, objects inflated).',
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
        const head = e.type === 'file' && !sensitive ? (e.content ?? e.head) : undefined
        const key = head && binaryKeyKind(head, e.size)
        if (key)
          report({
            rule: 'file/sensitive-private-key',
            file: e.path,
            message: `${e.path} is ${key}`,
          })
        for (const c of CRUFT) {
          const m = c.test.exec(e.path)
          if (!m) continue
          // Report a folder once, by its path, not once per file inside it.
          const folder = m[0].endsWith('/') ? e.path.slice(0, m.index + m[0].length) : e.path
          if (once.has(folder)) continue
          once.add(folder)
          const git = c.rule === 'file/vcs-folder' && /(^|\/)\.git\/$/.test(folder)
          report({
            rule: c.rule,
            file: folder,
            message: `${folder} is ${c.what}`,
            ...(git && { severity: 'error', because: GIT_WHY }),
          })
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

const GIT_WHY = 'a .git folder holds the remote URLs and every version of every file'

function matchesContent(e: Entry, s: SensitiveFile): boolean {
  if (!s.content) return true
  // Unread content (over a limit, encrypted) cannot clear a suspicious name.
  const bytes = e.content ?? e.head
  if (!bytes) return !s.broad
  // A UTF-8 byte-order mark (an editor's) must not hide the first line.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  return s.content(bytes.subarray(start, 1024 * 1024).toString('latin1'))
}
