/** One kind of file that must not ship: how to recognize it by name and, where it decides, by content. */
export interface SensitiveFile {
  rule:
    | 'file/sensitive-env'
    | 'file/sensitive-registry-credentials'
    | 'file/sensitive-credentials'
    | 'file/sensitive-private-key'
  what: string
  /** Matches the path (`/`-separated) or file name. */
  name: (path: string, base: string) => boolean
  /** When present, the file is reported only if its text satisfies this. */
  content?: (text: string) => boolean
  /** The name alone says little (any `.json`): unread content does not make it suspicious. */
  broad?: boolean
}

const base = (re: RegExp) => (_: string, b: string) => re.test(b)
const path = (re: RegExp) => (p: string) => re.test(p)
/** A value that is there and is not a `${VAR}` reference or an obvious placeholder. */
const REAL = String.raw`[ \t]*[:=][ \t]*["']?(?!\$\{|\$[A-Z_]|<|your|changeme|xxx|\*\*\*)[^\s"'#]{4,}`
const has = (keys: string, real = REAL) => {
  const re = new RegExp(`^[ \\t]*(?:${keys})${real}`, 'im')
  return (text: string) => re.test(text)
}
/** yarn v1's `.yarnrc` separates key and value by a space (`"//r/:_authToken" "v"`) too. */
const REAL_SPACED = REAL.replace('[:=]', `(?:[:=]|["']?[ \\t])`)
const NPM_AUTH = String.raw`(?:"?\/\/[^\s=]*:)?(?:_authToken|_auth|_password)"?`
/** Names an example, not a live file: its content decides. */
const EXAMPLE = /(?:^|[._-])(?:example|sample|template|dist|defaults)(?:$|[._-])/i
/** Names an example or a schema (which lists keys, never values): not a live file. */
const NOT_LIVE = /(?:^|[._-])(?:example|sample|template|dist|defaults|schema)(?:$|[._-])/i
const SECRET_KEYS = String.raw`[\w.]*(?:secret|token|password|passwd|api_?key|private_?key|access_?key)[\w.]*`
/**
 * A credential-named variable with a value that is not a reference or a placeholder: what makes
 * a file only named like an env file (`*.env`, `.envrc`, `.envs/`) one that leaks (a template's
 * `GREETING=Hello` does not).
 */
const SECRET_ASSIGNED = has(`(?:export[ \\t]+)?${SECRET_KEYS}`, REAL.replace('[:=]', '='))

/**
 * The name as a release step may leave it: invisible characters and trailing spaces dropped,
 * editor leftovers (`#.env#`, `.env~`) unwrapped, so `.env\u200b` and `.env ` are `.env`.
 */
export function plainName(b: string): string {
  return b
    .replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    .replace(/[\s.]+$/, '')
    .replace(/^#(.+)#$/, '$1')
    .replace(/~+$/, '')
}
const env = (re: RegExp) => (_: string, b: string) => re.test(plainName(b))

/** Credential and key files: `file/sensitive-*` (errors in `recommended`). */
export const SENSITIVE_FILES: readonly SensitiveFile[] = [
  {
    rule: 'file/sensitive-env',
    what: 'an environment file',
    // `.env`, `.env.production`, `.env_production`, `.env-local`, and their leftovers.
    name: (p, b) => env(/^\.env(?:[._-][\w.-]+)?$/i)(p, b) && !NOT_LIVE.test(plainName(b).slice(4)),
  },
  {
    rule: 'file/sensitive-env',
    what: 'an environment file',
    // `production.env`, `app.env`: named like one, and it assigns a credential.
    name: (p, b) => env(/^[^.][^/]*\.env$/i)(p, b) && !NOT_LIVE.test(plainName(b).slice(0, -4)),
    content: SECRET_ASSIGNED,
  },
  {
    rule: 'file/sensitive-env',
    what: 'an environment file',
    // cookiecutter-django's `.envs/.production/.django`; direnv's `.envrc`.
    name: (p, b) =>
      (/(^|\/)\.envs\//.test(p) && !NOT_LIVE.test(plainName(b))) || env(/^\.envrc$/)(p, b),
    content: SECRET_ASSIGNED,
  },
  {
    rule: 'file/sensitive-env',
    what: 'an example environment file with real-looking values',
    name: (p, b) =>
      (env(/^(?:\.env[._-].*|.*\.env)$/i)(p, b) || /(^|\/)\.envs\//.test(p)) &&
      EXAMPLE.test(plainName(b)),
    content: has(SECRET_KEYS),
  },
  {
    rule: 'file/sensitive-registry-credentials',
    what: 'an .npmrc with an auth token or password',
    name: base(/^\.?npmrc$/),
    content: has(NPM_AUTH),
  },
  {
    rule: 'file/sensitive-registry-credentials',
    what: 'a .yarnrc with an auth token or password',
    name: base(/^\.yarnrc$/),
    content: has(NPM_AUTH, REAL_SPACED),
  },
  {
    rule: 'file/sensitive-registry-credentials',
    what: 'a .yarnrc.yml with an auth token',
    name: base(/^\.yarnrc\.yml$/),
    content: has('npmAuthToken|npmAuthIdent'),
  },
  {
    rule: 'file/sensitive-registry-credentials',
    what: 'a .pypirc with a password',
    name: base(/^\.pypirc$/),
    content: has('password'),
  },
  {
    rule: 'file/sensitive-registry-credentials',
    what: 'RubyGems credentials',
    name: path(/(^|\/)\.gem\/credentials$/),
    content: has(String.raw`:?\w*api_key`),
  },
  {
    rule: 'file/sensitive-registry-credentials',
    what: 'Cargo registry credentials',
    name: path(/(^|\/)\.cargo\/credentials(\.toml)?$/),
    content: has('token'),
  },
  {
    rule: 'file/sensitive-credentials',
    what: 'a .netrc with a password',
    name: base(/^_?\.?netrc$/),
    content: (t) => /\bpassword\s+\S{4,}/.test(t),
  },
  {
    rule: 'file/sensitive-credentials',
    what: 'a PostgreSQL password file',
    name: base(/^(\.pgpass|pgpass\.conf)$/),
    // host:port:database:user:password, with a password that is not a placeholder.
    content: (t) => /^[^#:\n]*:[^:\n]*:[^:\n]*:[^:\n]*:(?!\$|<|\*+$)[^\n:]{4,}$/m.test(t),
  },
  {
    rule: 'file/sensitive-credentials',
    what: 'a .git-credentials file',
    name: base(/^\.git-credentials$/),
  },
  {
    rule: 'file/sensitive-credentials',
    what: 'AWS credentials',
    name: path(/(^|\/)\.aws\/(credentials|config)$/),
    content: has('aws_secret_access_key|aws_session_token'),
  },
  {
    rule: 'file/sensitive-credentials',
    what: 'a Docker config with registry auths',
    name: base(/^config\.json$/i),
    broad: true,
    content: (t) =>
      /"auths"\s*:\s*\{/.test(t) &&
      /"(?:auth|identitytoken|registrytoken)"\s*:\s*"[A-Za-z0-9+/=._-]{8,}"/.test(t),
  },
  {
    rule: 'file/sensitive-credentials',
    what: 'a kubeconfig with credentials',
    name: (p, b) =>
      /(^|\/)\.kube\/config$/.test(p) ||
      /^(kubeconfig(\.ya?ml)?|[\w.-]+\.kubeconfig|admin\.conf|kubelet\.conf|super-admin\.conf|controller-manager\.conf|scheduler\.conf)$/i.test(
        b,
      ),
    content: (t) => /^\s*(client-key-data|token|password)\s*:\s*\S{8,}/m.test(t),
  },
  {
    rule: 'file/sensitive-credentials',
    what: 'Google application default credentials',
    name: base(/\.json$/i),
    broad: true,
    content: (t) =>
      /"type"\s*:\s*"(authorized_user|service_account|external_account)"/.test(t) &&
      /"(refresh_token|private_key|client_secret)"\s*:\s*"[^"]{8,}/.test(t),
  },
  {
    rule: 'file/sensitive-credentials',
    what: 'Terraform state (it holds every secret Terraform manages)',
    name: base(/\.tfstate(\.backup)?$/),
  },
  { rule: 'file/sensitive-credentials', what: 'an .htpasswd file', name: base(/^\.htpasswd$/) },
  {
    rule: 'file/sensitive-private-key',
    what: 'an SSH private key',
    name: base(/^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/),
  },
  {
    rule: 'file/sensitive-private-key',
    what: 'a PEM file with a private key',
    name: base(/\.(pem|key|crt|cer)$/i),
    content: (t) =>
      /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----\s*[A-Za-z0-9+/=\s:,-]{64,}-----END/.test(t),
  },
  {
    rule: 'file/sensitive-private-key',
    what: 'a keystore (PKCS#12 / Java)',
    name: base(/\.(p12|pfx|jks|keystore|bks)$/i),
  },
  { rule: 'file/sensitive-private-key', what: 'a PuTTY private key', name: base(/\.ppk$/i) },
]

/** Folders and files that are not secrets but never belong in a release. */
export interface CruftFile {
  rule: 'file/vcs-folder' | 'file/cruft'
  what: string
  /** Matches a path; folder kinds match any path inside that folder. */
  test: RegExp
}

export const CRUFT: readonly CruftFile[] = [
  {
    rule: 'file/vcs-folder',
    what: 'a version-control folder',
    test: /(^|\/)\.(git|svn|hg|bzr)(\/|$)/,
  },
  {
    rule: 'file/cruft',
    what: 'macOS folder metadata',
    test: /(^|\/)(\.DS_Store|\._[^/]+|Thumbs\.db|desktop\.ini)$/,
  },
  { rule: 'file/cruft', what: 'an editor folder', test: /(^|\/)\.(idea|vscode|vs|fleet)\// },
  {
    rule: 'file/cruft',
    what: 'a coverage report',
    test: /(^|\/)(coverage|\.nyc_output|htmlcov)\//,
  },
  {
    rule: 'file/cruft',
    what: 'a debug log',
    test: /(^|\/)(npm-debug\.log|yarn-debug\.log|yarn-error\.log|lerna-debug\.log|pnpm-debug\.log)[^/]*$/,
  },
  { rule: 'file/cruft', what: 'a backup or swap file', test: /(\.orig|\.rej|\.bak|~|\.sw[op])$/ },
]

/** Test folders: reported in npm packages, where they only add weight. */
export const TEST_FOLDER = /(^|\/)(test|tests|__tests__|__mocks__|spec)\//
