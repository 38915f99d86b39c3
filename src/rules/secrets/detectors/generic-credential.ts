import { matchAt, type ScanContext } from '../engine/context.js'
import { PRIORITY, defineDetector, type Hit } from '../engine/types.js'
import { nameOf } from '../kit/binding.js'
import { CREDENTIAL_SPELLINGS } from '../kit/credential-names.js'
import { credentialHit } from '../kit/credential-value.js'
import { genericSamples } from './generic-credential-samples.js'
import { secretManifest } from '../kit/kubernetes-secret.js'

// A credential with no provider format, found by the name it is given: `apiKey = "…"`,
// `"client_secret": "…"`, `DB_PASSWORD=…`, `Authorization: Bearer …`, `curl -u user:…`, the
// `data:` of a Kubernetes Secret. Credential words are everywhere in code, so each keyword is a
// credential word with the character after it (`token"`, `token:`, `token=` …) and a guard: an
// assignment and the start of a literal of six or more characters must follow within a few
// characters. Most literals that pass are still no credential (labels, lookups, references,
// digests): kit/credential-value.ts judges the value.

const SPACE = '(?:[ \\t]|\\\\t){0,4}'
const ASSIGN = '(?::=|=>|:(?!:)|=(?!=))'
const QUOTE = '\\\\{0,3}["\'`]'
/** A literal's characters: printable, and not a space, quote, bracket, separator or `=` (but as padding at its end). */
const VALUE_CHAR = '[^\\s"\'`\\\\,;:=(){}\\[\\]<>\\x00-\\x1f\\x7f-\\xff]'
/** `secret` may go on as `secret_key`, `SECRET-KEY`, `secretKey`; `auth` as `authorization`. */
const SUFFIX = '(?:(?<=secret)[_-]?key|(?<=auth)orization)?'
/** After a credential word: the end of its name, an assignment, and six characters of a literal. */
const ASSIGNED = `${SUFFIX}(?:${QUOTE})?${SPACE}${ASSIGN}${SPACE}(?:${QUOTE})?${VALUE_CHAR}{6}`
/** `kind: Secret`, read at the word `Secret`. */
const SECRET_KIND = `(?<=kind["']?[ \\t]*:[ \\t]*["']?secret)["']?[ \\t]*(?![\\w.-])`

// `auth` is looked for as `uth` after an `a`: the keyword pass takes a word by its first three
// letters, and `aut` starts every `auto`.
const WORDS = CREDENTIAL_SPELLINGS.filter((w) => w !== 'auth')
const GUARDS: Record<string, string> = {
  ...Object.fromEntries(WORDS.map((w) => [w, ASSIGNED])),
  uth: `(?<=auth)${ASSIGNED}`,
  secret: `${ASSIGNED}|${SECRET_KIND}`,
  ' -u ': `["']?[^\\s'":@]{1,64}:[^\\s'"]{6}`,
  '--user': `[ \\t=]+["']?[^\\s'":@]{1,64}:[^\\s'"]{6}`,
}

/** The word at the keyword, then the assignment and the literal: quoted, or bare to its end. */
const ASSIGNMENT = new RegExp(
  `(?:${CREDENTIAL_SPELLINGS.map((w) => w.replace('-', '\\-')).join('|')})${SUFFIX}` +
    `(${QUOTE})?${SPACE}${ASSIGN}${SPACE}(${QUOTE})?(${VALUE_CHAR}{6,256}={0,2})`,
  'iy',
)
/** An HTTP authorization scheme and its credentials: `Bearer …`, `Basic …`. */
const SCHEME = /(Bearer|Basic|Token|Bot) ([A-Za-z0-9._~+/=-]{8,512})/y
/** After a bare value: the end of a line, a string or a list item. */
const BARE_END = /(?:$|[\s"'`\\,;})\]]|[^ -~])/y
/** What may stand before a name that starts a line (or a string in a binary): indentation, `export `. */
const LINE_START = /(?:^|\n|[^ -~\t])[ \t]*(?:export[ \t]+|set[ \t]+|ENV[ \t]+)?$/
/** The end of a line, of the text or of a string. */
const LINE_END = /[ \t]*(?:$|\r?\n|\\n|["'`]|[^ -~])/y
/** What may stand before a name that starts a string: a quote or an escaped line break. */
const IN_STRING = /(?:["'`]|\\n)[ \t]*(?:export[ \t]+|-[ \t]+)?$/
/** Names whose credential word is about something else: paging, parsing, CSRF. */
const NOT_A_CREDENTIAL =
  /(?:csrf|xsrf|next|page|continuation|cancellation|cursor|sync|start|end|input|output|max|min|num|count|last|first|prev|previous)token$/
/** Before the word `Secret` of `kind: Secret`. */
const KIND = /kind["']?[ \t]*:[ \t]*["']?$/i
/** Lock files list integrity hashes and registry tokens never: nothing there is a credential. */
const LOCK_FILE =
  /(?:^|[/\\!])(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|composer\.lock|Cargo\.lock|poetry\.lock|Gemfile\.lock|Pipfile\.lock|go\.sum)$/
/** Config files, where a bare `key: value` is a literal (not a reference as in code). */
const CONFIG =
  /\.(?:ya?ml|toml|ini|cfg|conf|properties|env|tfvars|npmrc|netrc)$|(?:^|[/\\!])\.?[\w.-]*(?:rc|env)(?:\.[\w.-]+)?$|(?:^|[/\\!])\.env[^/\\]*$/i

/** Whether a name (lower case, no separators) is one a credential is kept under. */
const PASSWORD_NAME = /(?:passw(?:or)?d|pwd)$/

export const genericCredential = defineDetector({
  id: 'secret/generic-credential',
  title: 'hard-coded credential',
  provider: 'generic',
  description:
    'A literal of high entropy assigned to a credential-named key (`apiKey`, `client_secret`, `DB_PASSWORD`, `auth_token`, ...) in code or config, an `Authorization` header, `curl -u user:password`, or a Kubernetes `Secret` value; labels, lookups, references, digests, UUIDs, URLs and placeholders are not.',
  severity: 'warning',
  judged:
    'a warning in `recommended` (an error in `strict`); in test code (`test/`, `fixtures/`, `*.spec.*` …) only `secret/unverified`',
  priority: PRIORITY.generic,
  keywords: Object.keys(GUARDS),
  guards: GUARDS,
  find(text, at, ctx) {
    if (LOCK_FILE.test(ctx.file)) return undefined
    if (text[at] === ' ' || text[at] === '-') return curlUser(text, at, ctx)
    if (KIND.test(text.slice(Math.max(0, at - 24), at))) return secretManifest(text, at, ctx)
    return assigned(text, (text.charCodeAt(at) | 0x20) === 0x75 ? at - 1 : at, ctx)
  },
  samples: genericSamples,
})

/** `name = "literal"`, `"name": "literal"`, `NAME=literal`, `Authorization: Bearer literal`. */
function assigned(text: string, at: number, ctx: ScanContext): Hit | undefined {
  const m = matchAt(ASSIGNMENT, text, at)
  if (!m) return undefined
  const [, , open = '', raw] = m
  const start = m.index + m[0].length - raw.length
  const name = nameOf(text, start)
  if (!name || NOT_A_CREDENTIAL.test(name)) return undefined
  const end = start + raw.length
  if (/auth(?:orization)?$/.test(name)) {
    const s = matchAt(SCHEME, text, start)
    if (s) {
      const from = start + s[1].length + 1
      if (s[1] === 'Basic') return basic(s[2], from, ctx)
      return credentialHit(s[2], from, 'other', ctx)
    }
  }
  if (open) {
    // a quoted literal ends where it opened, with the same quote (and escape)
    if (!text.startsWith(open, end)) return undefined
  } else if (!bareLiteral(text, at, end, raw, ctx.file)) {
    return undefined
  }
  const kind = PASSWORD_NAME.test(name) ? 'password' : 'other'
  return credentialHit(raw, start, kind, { text, file: ctx.file, name })
}

/**
 * A bare value is a literal in a config file. Elsewhere only where its name starts a string
 * (`"api_key: …"`, `"\nTOKEN=…"`), or starts a line and the value is plain and ends it
 * (`API_KEY=…`, `password: …` in a script or a README). In code a bare value is an identifier
 * or an expression: `t.token=e`, `token: Scheduler,`, `auth: AuthData;`, `a = config?.token`.
 */
function bareLiteral(text: string, at: number, end: number, raw: string, file: string): boolean {
  if (!matchAt(BARE_END, text, end)) return false
  if (CONFIG.test(file)) return true
  let from = at
  while (from > 0 && at - from < 64 && /[\w.$-]/.test(text[from - 1])) from--
  // `\nNAME=` inside a string literal: the n is the escaped line break's
  if (text[from - 1] === '\\' && /[nrt]/.test(text[from])) from++
  const before = text.slice(Math.max(0, from - 24), from)
  if (IN_STRING.test(before)) return true
  return (
    LINE_START.test(before) && /^[^.?$]+$/.test(raw) && matchAt(LINE_END, text, end) !== undefined
  )
}

/** `Basic base64(user:password)`: the password is judged. */
function basic(b64: string, start: number, ctx: ScanContext): Hit | undefined {
  const decoded = Buffer.from(b64, 'base64').toString('latin1')
  const colon = decoded.indexOf(':')
  if (colon < 1 || /[^\x20-\x7e]/.test(decoded)) return undefined
  const hit = credentialHit(decoded.slice(colon + 1), start, 'password', ctx)
  return hit && { ...hit, end: start + b64.length, value: b64 }
}

/** `curl -u user:password` (or `--user`): the password is judged. */
const CURL_USER =
  / ?(?:-u|--user)(?:[ \t]+|=)["']?([^\s'":@]{1,64}):([^\s'"]{6,128})(?=$|[\s'"\\])/iy

function curlUser(text: string, at: number, ctx: ScanContext): Hit | undefined {
  // `curl` earlier on the same line (read back at most 500 characters)
  const before = text.slice(Math.max(0, at - 500), at + 1)
  if (!/\bcurl[ \t][^\n]*$/i.test(before)) return undefined
  const m = matchAt(CURL_USER, text, at)
  if (!m) return undefined
  return credentialHit(m[2], m.index + m[0].length - m[2].length, 'password', ctx)
}
