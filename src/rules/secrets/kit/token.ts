import type { Severity } from '../../../findings.js'
import { matchAt } from '../engine/context.js'
import { doubt, isDocumentedExample } from './placeholder.js'
import { PRIORITY, type Detector, type Hit, type Samples } from '../engine/types.js'

/**
 * Left boundary: the character before is not one of `chars` (a token does not start in the
 * middle of a longer run), unless it ends an escaped line break or tab (`\n` inside a string
 * literal, as in a bundled `.npmrc` or JSON) or a percent escape (`%3D` in a URL-encoded query
 * or form body: `token%3Dghp_...`).
 */
export const boundary = (chars: string) => `(?:(?<=\\\\[nrt])|(?<=%[0-9A-Fa-f]{2})|(?<![${chars}]))`
/** Left boundary of most tokens. */
export const B = boundary('A-Za-z0-9_-')
/** Right boundary: and does not go on. */
export const E = '(?![A-Za-z0-9_-])'

/** A token with a fixed prefix, recognized by one sticky regex at the prefix. */
export interface TokenSpec<Id extends string = string> {
  id: Id
  title: string
  /** Who issues it (see Detector.provider). */
  provider: string
  description: string
  severity?: Severity
  /** Case-insensitive literals the scanner looks for; the pattern starts at each. */
  keywords: readonly string[]
  /** Per keyword, what must follow it for the pattern to match (see Detector.guards). */
  guards?: Readonly<Record<string, string>>
  /**
   * Regex source matched exactly at the keyword (compiled sticky: every quantifier bounded,
   * no nested or overlapping ones). The whole match is the secret; the named group `body`
   * (else the first named group that matched, else the whole match) is the random part
   * judged by `doubt()`.
   */
  pattern: string
  /** Regex flags besides `y`, e.g. `i` when the key name's case varies. */
  flags?: string
  /** Public prefix length that evidence may show (default 4). */
  shown?: number
  /** Where the secret starts inside the match (a key name before it is not secret). */
  valueGroup?: string
  label?(m: RegExpExecArray): string | undefined
  /** Structural check: undefined when sound, a reason to report it as unverified, or false to drop it. */
  verify?(m: RegExpExecArray): string | false | undefined
  /**
   * `verify` checks a checksum the provider computes (GitHub, npm, age): a value that passes is
   * a token the provider issued, never a made-up example, whatever text stands before it.
   */
  checksum?: boolean
  samples: Samples
}

/** Builds a Detector from a TokenSpec. */
export function tokenDetector<const Id extends `secret/${string}`>(
  spec: TokenSpec<Id>,
): Detector<Id> {
  const re = new RegExp(spec.pattern, `y${spec.valueGroup ? 'd' : ''}${spec.flags ?? ''}`)
  return {
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    description: spec.description,
    severity: spec.severity,
    priority: PRIORITY.token,
    keywords: spec.keywords,
    guards: spec.guards,
    find(text, at) {
      const m = matchAt(re, text, at)
      if (!m) return undefined
      let value = m[0]
      let start = m.index
      const span = spec.valueGroup ? m.indices?.groups?.[spec.valueGroup] : undefined
      if (span) {
        ;[start] = span
        value = text.slice(span[0], span[1])
      }
      const groups = Object.values(m.groups ?? {})
      const body = m.groups?.body ?? groups.find((g) => g !== undefined) ?? value
      return judge(value, body, start, {
        shown: spec.shown ?? 4,
        label: spec.label?.(m),
        verify: () => spec.verify?.(m),
        checksum: spec.checksum,
      })
    },
    samples: spec.samples,
  }
}

/**
 * The common verdict: documented examples and placeholders are dropped, test-looking values
 * and failed structural checks become unverified hits.
 */
export function judge(
  value: string,
  body: string,
  start: number,
  opts: {
    shown?: number
    label?: string
    verify?: () => string | false | undefined
    checksum?: boolean
  } = {},
): Hit | undefined {
  if (isDocumentedExample(value)) return undefined
  const d = doubt(body)
  if (d === 'placeholder') return undefined
  const problem = opts.verify?.()
  if (problem === false) return undefined
  const hit: Hit = { start, end: start + value.length, value, shown: opts.shown ?? 0 }
  if (opts.label) hit.label = opts.label
  if (problem) hit.unverified = problem
  else if (d === 'test') hit.unverified = 'looks like a test value'
  else if (opts.checksum && opts.verify) hit.issued = true
  return hit
}
