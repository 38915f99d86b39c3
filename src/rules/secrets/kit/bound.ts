import { matchesIn } from '../engine/context.js'
import { PRIORITY, type Detector, type Hit, type Samples } from '../engine/types.js'
import { nameOf } from './binding.js'
import { boundary, judge } from './token.js'

// Secrets without a prefix of their own (a Datadog API key is 32 hex characters, like any MD5)
// are looked for near the provider's name and must be bound to it: named for the provider
// (`DATADOG_API_KEY=`, `ddApiKey:`), named generically (`apiKey:`) inside the provider's own
// block (`datadog:\n  apiKey: …`, `new Datadog({ apiKey: … })`), or in a place only the
// provider's secret goes (`X-Postmark-Server-Token: …`). Being merely near is not enough:
// another provider's key next to the word "datadog" is that provider's.

/** A quote, maybe escaped inside a string literal. */
export const Q = `(?:\\\\{0,3}["'\`])`

export interface BoundSpec<Id extends string = string> {
  id: Id
  title: string
  provider: string
  description: string
  severity?: Detector['severity']
  /** Lower-case words whose surroundings are searched: the provider's name, its env prefix. */
  near: readonly string[]
  /** How far around each near-keyword (default 400 either side). */
  reach?: number
  /** Regex source of the value itself (no boundaries; they are added from `chars`). */
  value: string
  /** Characters a value may not be glued to on either side (default `A-Za-z0-9`). */
  chars?: string
  /** Names (lower case, without `_`, `-`, `$`) that bind a value to the provider wherever they are. */
  names?: RegExp
  /** Generic names (`apikey`, `token`) that bind a value only inside the provider's block. */
  blockNames?: RegExp
  /** The provider's name as it opens its block (`datadog`, `Datadog(`); default the near words. */
  block?: RegExp
  /** Text just before the value (regex ending in `$`) that is a place only this secret goes. */
  place?: RegExp
  /** The value's shape is the provider's own (`-us12`, `sl.`): near the name is enough. */
  shapeBinds?: boolean
  /** Bound only by a generic name in the block: a hit is unverified for this reason. */
  blockDoubt?: string
  /** Structure of the value: undefined when sound, false to drop, a reason for unverified. */
  verify?(value: string): string | false | undefined
  priority?: number
  samples: Samples
}

const BLOCK_SPAN = 240
/** `datadog:` and a line break: a YAML block, whose lines are indented deeper. */
const YAML_OPENER = /^(?:[^\n\\{}()[\]]|\\["'])*?[:=][ \t]*(?:\r?\n|\\n)/
/** A line break, raw or escaped in a string literal, and the indentation after it. */
const LINE = /(?:\r?\n|\\n)((?:[ \t]|\\t)*)/g

/**
 * Whether the value at `at` sits inside the provider's block, opened by its name shortly before:
 * `datadog:\n  apiKey: …` (YAML, while indented deeper), `new Datadog({ apiKey: … })`,
 * `mailgun.client({ key: … })`, `"datadog": {"apiKey": …}`, `[datadog]\napi_key = …` (INI,
 * TOML). A block closed (`}`, `)`, `]`), a statement ended (`;`) or a line indented less than
 * the block's first leaves it.
 */
export function inBlock(text: string, at: number, block: RegExp): boolean {
  const before = text.slice(Math.max(0, at - BLOCK_SPAN), at)
  const re = new RegExp(block.source, 'gi')
  let last = -1
  let open = -1
  for (let m = re.exec(before); m; m = re.exec(before)) {
    last = m.index + m[0].length
    open = m.index
  }
  if (last < 0) return false
  const between = before.slice(last)
  if (before[open - 1] === '[' && between.startsWith(']')) {
    // an INI or TOML section: its keys follow at column 0 until the next section
    return !/[{}[\]();]/.test(between.slice(1))
  }
  const yaml = YAML_OPENER.exec(between)
  if (yaml) return inYamlBlock(between.slice(yaml[0].length))
  return inBrackets(between)
}

/** After `name:` and a line break: still indented, never back at or above the block's depth. */
function inYamlBlock(rest: string): boolean {
  const indent = /^(?:[ \t]|\\t)*/.exec(rest)![0].replace(/\\t/g, '\t').length
  if (indent === 0 || /[{}()[\];]/.test(rest)) return false
  LINE.lastIndex = 0
  for (let m = LINE.exec(rest); m; m = LINE.exec(rest)) {
    if (m.index + m[0].length === rest.length) continue
    if (m[1].replace(/\\t/g, '\t').length < indent) return false
  }
  return true
}

/**
 * After the name, a bracket opens within a few characters (`({`, `: {`, `.client({`) and is
 * still open at the value; a block that closes ends it, unless a method call follows (`).x(`).
 */
function inBrackets(rest: string): boolean {
  const first = rest.search(/[({[]/)
  if (first < 0 || first > 40 || /[\n;]|\\n/.test(rest.slice(0, first))) return false
  let depth = 0
  for (let i = first; i < rest.length; i++) {
    const c = rest[i]
    if (c === '{' || c === '(' || c === '[') depth++
    else if (c === '}' || c === ')' || c === ']') {
      if (depth === 0) return false
      depth--
      if (depth === 0 && rest[i + 1] !== '.') return false
    } else if (c === ';' && depth === 0) return false
  }
  return depth > 0
}

/** A detector for a secret without a prefix, bound to its provider by name, block or place. */
export function boundDetector<const Id extends `secret/${string}`>(
  spec: BoundSpec<Id>,
): Detector<Id> {
  const chars = spec.chars ?? 'A-Za-z0-9'
  // `=` may end a value (base64 padding) but comes before one too (`KEY=value`)
  const re = new RegExp(`${boundary(chars.replace('=', ''))}(?:${spec.value})(?![${chars}])`, 'g')
  const block = spec.block ?? new RegExp(spec.near.map(escape).join('|'), 'i')
  /** 'name' or 'place' when bound strongly, 'block' when by a generic name in the block. */
  const bound = (text: string, at: number): 'name' | 'block' | undefined => {
    if (spec.shapeBinds) return 'name'
    const name = nameOf(text, at) ?? ''
    if (name && spec.names?.test(name)) return 'name'
    if (spec.place?.test(text.slice(Math.max(0, at - 160), at))) return 'name'
    if (name && spec.blockNames?.test(name) && inBlock(text, at, block)) return 'block'
    return undefined
  }
  return {
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    description: spec.description,
    severity: spec.severity,
    priority: spec.priority ?? PRIORITY.token,
    near: {
      keywords: spec.near,
      before: spec.reach ?? 400,
      after: spec.reach ?? 400,
      find(text, from, to) {
        const hits: Hit[] = []
        for (const m of matchesIn(re, text, from, to)) {
          const how = bound(text, m.index)
          if (!how) continue
          const verify = () =>
            spec.verify?.(m[0]) ?? (how === 'block' ? spec.blockDoubt : undefined)
          const hit = judge(m[0], m[0], m.index, { verify })
          if (hit) hits.push(hit)
        }
        return hits
      },
    },
    samples: spec.samples,
  }
}

/**
 * A detector whose hits count only with the provider named within `reach` characters (a bare
 * `sdk-<uuid>` may be anyone's id): without it, a hit is unverified.
 */
export function withContext<const Id extends string>(
  d: Detector<Id>,
  context: RegExp,
  reason: string,
  reach = 600,
): Detector<Id> {
  const find = d.find!
  return {
    ...d,
    find(text, at, ctx) {
      const found = find(text, at, ctx)
      if (!found) return found
      for (const hit of Array.isArray(found) ? (found as Hit[]) : [found as Hit]) {
        const around = text.slice(Math.max(0, hit.start - reach), hit.end + reach)
        if (!hit.unverified && !context.test(around)) hit.unverified = reason
      }
      return found
    },
  }
}

/** Decodes base64 or base64url text to latin1, or undefined when it is neither. */
export function decode64(s: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) return undefined
  return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1')
}

/** The JSON object a base64 text decodes to, or undefined. */
export function json64(s: string): Record<string, unknown> | undefined {
  const text = decode64(s)
  // a cut-off payload fails here, cheaply, before JSON.parse throws
  if (!text || !text.startsWith('{') || !text.trimEnd().endsWith('}')) return undefined
  try {
    const v: unknown = JSON.parse(text)
    return v && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/** Drops a value that lacks upper case, lower case or a digit (a word, a hex digest). */
export function mixedCase(v: string): false | undefined {
  return /[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v) ? undefined : false
}

/** Drops a value without both a letter and a digit. */
export function lettersAndDigits(v: string): false | undefined {
  return /[A-Za-z]/.test(v) && /[0-9]/.test(v) ? undefined : false
}
