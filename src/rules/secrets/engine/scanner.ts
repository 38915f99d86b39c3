import type { RawFinding } from '../../../findings.js'
import type { WindowPos } from '../../windows.js'
import { isPrintable } from './binary.js'
import { ScanContext } from './context.js'
import { presentedAsExample, PRESENTED_AS_EXAMPLE } from './example-cue.js'
import { KeywordFilter } from './keyword-filter.js'
import { redact, secretHash } from './redact.js'
import type { Detector, Hit } from './types.js'

/** Rule id of low-confidence hits (checksum fails, looks like a test value): a notice. */
export const UNVERIFIED = 'secret/unverified'

/** Receives each raw secret value so a CI runner can mask it in its logs; nothing else sees it. */
export type Mask = (value: string) => void

/**
 * Scans a text (latin1, so offsets are bytes) and reports each secret. With `at`, the text is a
 * window of a streamed file: keywords are looked for in its own part only, lines and columns
 * are those of the file, and hits starting before `at.seenUpTo` (reported by the previous
 * window) are dropped. Returns the file offset where the last reported hit ends.
 */
export type Scan = (
  text: string,
  file: string,
  report: (f: RawFinding) => void,
  mask?: Mask,
  at?: WindowPos & { seenUpTo: number },
) => number

interface Found {
  detector: Detector
  hit: Hit
}

/**
 * Compiles detectors into one scanner. The text is read once by a KeywordFilter; at each
 * position it reports, one sticky case-insensitive regex that alternates every keyword (escaped
 * literals, with their guards) says which keyword is there, if any. The detectors that own it
 * run a sticky regex right there, and window detectors record the window to search
 * once after the pass, merged with overlapping windows. One keyword matches at a position: the
 * longest whose guard passes.
 */
export function createScanner(detectors: readonly Detector[]): Scanner {
  const atKeyword = new Map<string, Detector[]>()
  const nearKeyword = new Map<string, Detector[]>()
  const add = (map: Map<string, Detector[]>, kw: string, d: Detector) => {
    const key = kw.toLowerCase()
    map.set(key, [...(map.get(key) ?? []), d])
  }
  const guards = new Map<string, string>()
  for (const d of detectors) {
    for (const [kw, guard] of Object.entries(d.guards ?? {})) {
      const key = kw.toLowerCase()
      if (guards.has(key) && guards.get(key) !== guard)
        throw new Error(`internal: detectors guard keyword '${kw}' differently`)
      guards.set(key, guard)
    }
    for (const kw of d.keywords ?? []) add(atKeyword, kw, d)
    for (const kw of d.near?.keywords ?? []) add(nearKeyword, kw, d)
  }
  const keywords = keywordsOf(detectors)
  // A guarded keyword must be a keyword of its detectors only: a guard would hide it from others.
  for (const k of guards.keys())
    if (nearKeyword.has(k) || atKeyword.get(k)?.some((d) => !d.guards?.[k]))
      throw new Error(`internal: keyword '${k}' is guarded for some detectors only`)
  const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
  // Longest first: where one keyword is a prefix of another (`secret`, `secret_access_key`), the
  // longer one is tried first, and the shorter where the longer does not match (or its guard fails).
  const source = [...keywords]
    .sort((a, b) => b.length - a.length)
    .map((k) => escape(k) + (guards.has(k) ? `(?=${guards.get(k)})` : ''))
    .join('|')
  const keywordRe = new RegExp(source || '(?!)', 'iy')
  const filter = new KeywordFilter(keywords)

  /** Every hit whose keyword starts in `[from, to)`, before overlaps are resolved. */
  const findAll = (text: string, file: string, from: number, to: number): Found[] => {
    // Made at the first keyword: most texts have none, and most files are small.
    let ctx: ScanContext | undefined
    const found: Found[] = []
    const push = (detector: Detector, hits: Hit | readonly Hit[] | undefined) => {
      if (!hits) return
      for (const hit of Array.isArray(hits) ? (hits as readonly Hit[]) : [hits as Hit])
        found.push({ detector, hit })
    }
    let windows: Map<Detector, Array<[number, number]>> | undefined
    const { positions, count } = filter.find(text, from, to)
    for (let c = 0; c < count; c++) {
      const at = positions[c]
      keywordRe.lastIndex = at
      const m = keywordRe.exec(text)
      if (!m) continue
      const kw = m[0].toLowerCase()
      ctx ??= new ScanContext(text, file)
      for (const d of atKeyword.get(kw) ?? []) push(d, d.find?.(text, at, ctx))
      for (const d of nearKeyword.get(kw) ?? []) {
        const near = d.near!
        const from = Math.max(0, at - near.before)
        const to = Math.min(text.length, at + kw.length + near.after)
        windows ??= new Map()
        const list = windows.get(d) ?? windows.set(d, []).get(d)!
        const last = list.at(-1)
        if (last && from <= last[1]) last[1] = Math.max(last[1], to)
        else list.push([from, to])
      }
    }
    for (const [d, list] of windows ?? [])
      for (const [from, to] of list) push(d, d.near!.find(text, from, to, ctx!))
    return found
  }

  const scan: Scan = (text, file, report, mask, at) => {
    const found = findAll(text, file, at ? at.from : 0, at ? at.to : text.length)
    const base = at?.base ?? 0
    if (found.length === 0) return at?.seenUpTo ?? 0
    const fresh = at ? found.filter((f) => base + f.hit.start >= at.seenUpTo) : found
    if (fresh.length === 0) return at?.seenUpTo ?? 0
    const kept = resolveOverlaps(fresh)
    emit(text, file, kept, report, mask, at ?? { base: 0, line: 1, lineStart: 0 })
    let end = at?.seenUpTo ?? 0
    for (const f of kept) end = Math.max(end, base + f.hit.end)
    return end
  }

  const redactText = (text: string): string => {
    const found = findAll(text, '', 0, text.length)
    if (found.length === 0) return text
    let out = ''
    let last = 0
    for (const { hit } of resolveOverlaps(found)) {
      out += text.slice(last, hit.start) + `[${redact(hit.value, hit.shown)}]`
      last = hit.end
    }
    return out + text.slice(last)
  }

  const keywordInRuns = (bytes: Uint8Array, from: number, to: number, min: number) => {
    let text: string | undefined
    // Keywords first (the SIMD pass reads random bytes at about 0.5 ns each), then the
    // printable run around each, measured once per run: only a long enough one counts.
    const { positions, count } = filter.findBytes(bytes, from, to)
    let runStart = 0
    let runEnd = 0
    for (let c = 0; c < count; c++) {
      const at = positions[c]
      if (at >= runEnd) {
        if (!isPrintable(bytes[at])) continue // folding made a control byte look like one
        runStart = at
        while (runStart > runEnd && isPrintable(bytes[runStart - 1])) runStart--
        runEnd = at + 1
        while (runEnd < bytes.length && isPrintable(bytes[runEnd])) runEnd++
      }
      if (runEnd - runStart < min) continue
      text ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')
      keywordRe.lastIndex = at
      if (keywordRe.test(text)) return true
    }
    return false
  }
  const skim = (raw: string): number | undefined => {
    const r = filter.findJson(raw)
    if (!r || r.flags !== 0) return undefined
    for (let c = 0; c < r.count; c++) {
      keywordRe.lastIndex = r.positions[c]
      if (keywordRe.test(raw)) return undefined
    }
    return raw.length - r.escapes
  }
  return { scan, keywordInRuns, skim, redactText }
}

/** Every keyword of these detectors (lower case, sorted): what the keyword pass looks for. */
export function keywordsOf(detectors: readonly Detector[]): string[] {
  const all = detectors.flatMap((d) => [...(d.keywords ?? []), ...(d.near?.keywords ?? [])])
  return [...new Set(all.map((k) => k.toLowerCase()))].sort()
}

/** A compiled set of detectors. */
export interface Scanner {
  scan: Scan
  /**
   * Whether a keyword (its guard passed) starts in `[from, to)` of these bytes inside a run of
   * at least `min` printable bytes: when not, scanning the file's printable runs (a binary)
   * finds nothing, so the runs need not be made.
   */
  keywordInRuns(bytes: Uint8Array, from: number, to: number, min: number): boolean
  /**
   * For the raw text of a JSON string (between its quotes): its length once decoded when that
   * text is valid and surely holds nothing to report, so it need not be decoded; undefined when
   * it must be decoded and scanned (or this cannot tell). Sure means: no keyword (its guard
   * passed) in the raw text, and no escape but \\" \\\\ \\b \\f \\n \\r \\t, none of which makes a
   * character a keyword or a guard is made of (so each keyword match in the decoded text is
   * one in the raw text too), and no control byte (which JSON forbids).
   */
  skim(raw: string): number | undefined
  /**
   * The text with every secret in it (unverified ones too) replaced by its redacted evidence in
   * brackets: for paths and messages, where a secret must not reach any output.
   */
  redactText(text: string): string
}

/** Where hits overlap (a token inside a URL, a key inside a service-account file), one wins. */
function resolveOverlaps(found: Found[]): Found[] {
  found.sort((a, b) => a.hit.start - b.hit.start || b.hit.end - a.hit.end)
  const kept: Found[] = []
  for (const f of found) {
    const last = kept.at(-1)
    if (last && f.hit.start < last.hit.end) {
      if (beats(f, last)) kept[kept.length - 1] = f
    } else {
      kept.push(f)
    }
  }
  return kept
}

function beats(a: Found, b: Found): boolean {
  const pa = a.detector.priority ?? 0
  const pb = b.detector.priority ?? 0
  if (pa !== pb) return pa > pb
  if (!a.hit.unverified !== !b.hit.unverified) return !a.hit.unverified
  return a.hit.end - a.hit.start > b.hit.end - b.hit.start
}

/**
 * Reports hits in text order. Line and column are counted only up to each hit, from the
 * previous one, so a text without secrets costs nothing here. A hit presented as an example of
 * its format (`like …`, `e.g. …`) is only unverified.
 */
function emit(
  text: string,
  file: string,
  hits: Found[],
  report: (f: RawFinding) => void,
  mask: Mask | undefined,
  origin: Pick<WindowPos, 'base' | 'line' | 'lineStart'>,
): void {
  let line = origin.line
  let lineStart = origin.lineStart - origin.base
  let nextNewline = text.indexOf('\n')
  for (const { detector, hit } of hits) {
    while (nextNewline !== -1 && nextNewline < hit.start) {
      line++
      lineStart = nextNewline + 1
      nextNewline = text.indexOf('\n', lineStart)
    }
    const label = hit.label ?? detector.title
    const hash = secretHash(hit.value)
    if (mask) maskValue(hit.value, mask)
    const unverified =
      hit.unverified ??
      (!hit.issued && presentedAsExample(text, hit.start) ? PRESENTED_AS_EXAMPLE : undefined)
    report({
      rule: unverified ? UNVERIFIED : detector.id,
      file,
      line,
      column: hit.start - lineStart + 1,
      message: unverified ? `possible ${label} in ${file} (${unverified})` : `${label} in ${file}`,
      evidence: redact(hit.value, hit.shown, hash),
      key: `sha256:${hash}`,
      ...(hit.severity && !unverified && { severity: hit.severity, because: hit.why }),
    })
  }
}

/** Masks values of 8+ characters, and each such line of a multi-line one (a PEM body). */
function maskValue(value: string, mask: Mask): void {
  const parts = [value, ...value.split(/\r?\n|\\n/)]
  for (const p of new Set(parts.map((x) => x.trim()))) if (p.length >= 8) mask(p)
}
