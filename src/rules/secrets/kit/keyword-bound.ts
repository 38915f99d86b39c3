import type { Severity } from '../../../findings.js'
import { matchesIn } from '../engine/context.js'
import { PRIORITY, defineDetector, type Detector, type Hit, type Samples } from '../engine/types.js'
import { nameOf } from './binding.js'
import { fake, HEX } from './samples.js'
import { boundary, judge } from './token.js'

// Secrets without a prefix of their own (a UUID, 32 hex characters, 40 letters) are found near
// the provider's name and must be bound to it: by a name that says whose it is
// (`HEROKU_API_KEY=`, `fastlyToken:`), or by a generic name (`apiKey:`, `token =`) inside the
// provider's own block (`cloudflare:\n  apiKey: …`, `new Cloudflare({ apiToken: '…' })`). Being
// merely near is never enough: another provider's key beside the name is not the provider's.

/** A keyword-bound secret: a value shape, the names that bind it, the provider's names. */
export interface BoundSpec<Id extends string> {
  id: Id
  title: string
  provider: string
  description: string
  severity?: Severity
  /** Provider names (case-insensitive) the value must be near: `heroku`. */
  near: readonly string[]
  /** Characters before this much of a keyword, and after, are searched (default 256 each). */
  before?: number
  after?: number
  /** Regex source of the value alone. */
  value: string
  /** The characters values are made of (a regex class body), for their boundaries. */
  chars: string
  /** Regex flags of `value` besides `g` (`i` for hex of either case). */
  flags?: string
  /**
   * The value's own shape is distinctive (`oy2` + 43, `API-` + 26+): near the provider's name
   * is enough, whatever it is named. For prefixes too short to look for alone.
   */
  anywhere?: boolean
  /** Names (as `nameOf` reads them: lower case, no `_`, `-`, `$`) that say whose it is. */
  names?: RegExp
  /** Generic names (`apikey`, `token`) that bind a value inside the provider's block only. */
  generic?: RegExp
  /** A test of the text just before the value that binds it too (`SSWS ` before an Okta token). */
  placed?: (text: string, start: number) => boolean
  /** Structural check: undefined when sound, a reason to doubt it, or false to drop it. */
  verify?: (value: string) => string | false | undefined
  /** A place where such a value is public by design (a status badge URL's token): dropped. */
  except?: (text: string, start: number) => boolean
  samples: Samples
}

/** A value with at least one upper-case letter, one lower-case letter and one digit. */
export const mixed = (v: string) => /[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v)
/** A hex value with both letters and digits (a word or a number is not a key). */
export const hexish = (v: string) => /[a-f]/i.test(v) && /[0-9]/.test(v)

/** Builds a `near` detector from a BoundSpec. */
export function boundDetector<const Id extends `secret/${string}`>(
  spec: BoundSpec<Id>,
): Detector<Id> {
  const re = new RegExp(
    `${boundary(spec.chars)}(?:${spec.value})(?![${spec.chars}])`,
    `g${spec.flags ?? ''}`,
  )
  const owner = new RegExp(spec.near.map(escape).join('|'), 'gi')
  return defineDetector({
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    description: spec.description,
    severity: spec.severity,
    priority: PRIORITY.token,
    near: {
      keywords: spec.near,
      before: spec.before ?? 256,
      after: spec.after ?? 256,
      find(text, from, to) {
        const hits: Hit[] = []
        for (const m of matchesIn(re, text, from, to)) {
          const name = nameOf(text, m.index) ?? ''
          const bound =
            spec.anywhere ||
            spec.names?.test(name) ||
            spec.placed?.(text, m.index) ||
            (spec.generic?.test(name) && insideBlockOf(owner, text, m.index))
          if (!bound || spec.except?.(text, m.index)) continue
          const hit = judge(m[0], m[0], m.index, { verify: () => spec.verify?.(m[0]) })
          if (hit) hits.push(hit)
        }
        return hits
      },
    },
    samples: spec.samples,
  })
}

/** How far after the provider's name its block may still hold the value. */
const BLOCK = 160
/** Another credential-looking value assigned on the way: the block held something else first. */
const OTHER_VALUE = /[:=][ \t]*\\{0,3}["'`]?[A-Za-z0-9+/_.-]{16,}/
/** An INI or TOML section header line: `[cloudflare]`. */
const SECTION = /(?:^|["'`])[ \t]*\[[^\]\n]*\][ \t]*$/
/** A key and `:` or `=` before the name on its line: the name is that key's value. */
const ASSIGNED = /^[ \t]*["']?[\w.-]+["']?[ \t]*[:=]/

/**
 * Whether the value at `start` is inside the block the provider's name opens, shortly before it:
 * on the same line (`new Cloudflare({ apiToken: '…' })`), on deeper-indented lines after it
 * (YAML, pretty JSON), or under its INI section. A `}` or `;` on the way closes the block; a
 * line indented no deeper than the name's starts a sibling (`stripe:` after `cloudflare:`).
 */
export function insideBlockOf(owner: RegExp, text: string, start: number): boolean {
  const from = Math.max(0, start - BLOCK)
  const before = text.slice(from, start)
  let at = -1
  let len = 0
  owner.lastIndex = 0
  for (let m = owner.exec(before); m; m = owner.exec(before)) {
    at = m.index
    len = m[0].length
  }
  if (at < 0) return false
  const span = before.slice(at + len)
  if (/[};]/.test(span) || OTHER_VALUE.test(span.replace(/\s+$/, ''))) return false
  const escaped = before.lastIndexOf('\\n', at)
  let lineStart = Math.max(before.lastIndexOf('\n', at) + 1, escaped < 0 ? 0 : escaped + 2)
  // a block inside a string literal (`"cloudflare:\n  apiToken: …"`) starts after its quote
  if (!span.includes('\n') && span.includes('\\n')) {
    const quote = Math.max(...['"', "'", '`'].map((q) => before.lastIndexOf(q, at)))
    if (quote >= lineStart) lineStart = quote + 1
  }
  const lineEnd = before.slice(at).search(/\r?\n|\\n/)
  // a binary's printable run starts after the NUL bytes that blank the rest of its line
  const ownerLine = before
    .slice(lineStart, lineEnd < 0 ? before.length : at + lineEnd)
    .replace(/^[^]*\0/, '')
  const section = SECTION.test(ownerLine)
  // `provider: heroku`: the name is a value, so its siblings are in its block too
  const sibling = ASSIGNED.test(before.slice(lineStart, at))
  const depth = indent(ownerLine)
  for (const line of span.split(/\r?\n|\\n/).slice(1)) {
    if (!line.trim()) continue
    if (section ? /^[ \t]*\[/.test(line) : indent(line) < depth + (sibling ? 0 : 1)) return false
  }
  return true
}

function indent(line: string): number {
  return /^[ \t]*/.exec(line)![0].length
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/** A random UUID, for samples. */
export function uuid(seed: string): string {
  const h = fake(32, HEX, seed)
  return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join('-')
}

/**
 * Must-not-match samples every keyword-bound detector shares: placeholders and lookups under
 * the provider's name (`env`: `HEROKU_API_KEY`), and a real-shaped `value` near the provider's
 * `word` but bound to something else: another provider's name, or a generic name outside the
 * provider's block.
 */
export function unboundSamples(env: string, word: string, value: string): string[] {
  return [
    `${env}=your_${env.toLowerCase()}`,
    `${env}=\${${env}}`,
    `${env}: process.env.${env}`,
    `${env}=<${env.toLowerCase().replace(/_/g, '-')}>`,
    `${word.toUpperCase()}_URL=https://api.${word.toLowerCase()}.io\nSTRIPE_RESTRICTED_KEY=${value}\n`,
    `${word}:\n  region: eu\nsentry:\n  token: ${value}\n`,
    `# ${word}\nAPI_KEY=${value}\n`,
    `const ${word.toLowerCase()} = init(); const other = { token: '${value}' }`,
  ]
}
