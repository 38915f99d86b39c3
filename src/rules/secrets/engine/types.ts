import type { Severity } from '../../../findings.js'
import type { ScanContext } from './context.js'

/** One secret a detector found. Only the scanner turns it into a RawFinding, redacted. */
export interface Hit {
  /** Offset of the secret in the scanned text (reported as line and column). */
  start: number
  /** Offset just past the secret. */
  end: number
  /** The secret itself: hashed and measured for the evidence, never reported. */
  value: string
  /** How many leading characters of `value` are a public prefix that may be shown (capped at 4). */
  shown?: number
  /** What was found, for the message; defaults to the detector's title. */
  label?: string
  /**
   * Set when the match is low-confidence (checksum fails, looks like a test value): the hit is
   * reported under `secret/unverified` (a notice) with this reason instead of the detector id.
   */
  unverified?: string
  /** The value passed a checksum only the provider's own tokens pass: never just an example. */
  issued?: boolean
  /**
   * This hit's severity in the `recommended` preset, where the detector judges it by its place
   * (a key string in documentation), with `why` for the message. Ignored when unverified.
   */
  severity?: Severity
  /** Why `severity` differs from the detector's, said in the message. */
  why?: string
}

/** Strings a detector must find (`match`), must stay silent on (`noMatch`), or must only doubt. */
export interface Samples {
  /** Each produces exactly one finding, of the detector's id. */
  match(): string[]
  /** Each produces no finding at all. */
  noMatch(): string[]
  /** Each produces exactly one `secret/unverified` finding. */
  unverified?(): string[]
}

/**
 * A secret detector: one rule id. It is run only where one of its keywords occurs:
 * `find` at each keyword hit (a sticky regex positioned there), `near` once per merged window
 * around keyword hits (for secrets without a prefix, recognized by what is next to them).
 */
export interface Detector<Id extends string = string> {
  /** Rule id, `secret/<name>`. */
  id: Id
  /** Name of what it finds, for messages: `GitHub personal access token (classic)`. */
  title: string
  /**
   * Who issues what it finds (`GitHub`, `Datadog`), for the provider list in docs/rules.md and
   * the README; `generic` for shapes any service uses (private keys, JWTs, URLs with a password).
   */
  provider: string
  /** One line for docs/rules.md. */
  description: string
  /** Severity in the recommended preset; `error` when absent. */
  severity?: Severity
  /** For docs/rules.md: when a hit's own `severity` differs from `severity`, and why. */
  judged?: string
  /** When hits overlap, the higher priority wins (a token inside a URL beats the URL). */
  priority?: number
  /** Case-insensitive literals; `find` is called at each occurrence. */
  keywords?: readonly string[]
  /**
   * Per keyword, a lookahead (regex source) that an occurrence must satisfy for `find` to run:
   * a necessary condition of what `find` matches, so it saves work and never changes results.
   * For keywords that are everywhere in code (`://`).
   */
  guards?: Readonly<Record<string, string>>
  find?(text: string, at: number, ctx: ScanContext): Hit | readonly Hit[] | undefined
  /** Keywords whose surroundings (`before`/`after` characters) are searched once, merged. */
  near?: {
    keywords: readonly string[]
    before: number
    after: number
    find(text: string, from: number, to: number, ctx: ScanContext): readonly Hit[]
  }
  samples: Samples
}

/** Priorities: generic shapes lose to provider formats, which lose to whole documents. */
export const PRIORITY = { generic: 0, token: 10, document: 20 } as const

/** Declares a detector; its id stays a literal type, so the rule ids derive from the registry. */
export function defineDetector<const Id extends `secret/${string}`>(d: Detector<Id>): Detector<Id> {
  return d
}
