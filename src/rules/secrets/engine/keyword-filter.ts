import { simdScanner, type SimdScanner } from './simd-filter.js'

/**
 * Where keywords may start, found by a plain loop over the text: a bit per possible first three
 * characters (ASCII case folded by setting bit 5) of the keywords. A regex alternating every
 * keyword tries each position in turn and costs about five times more per character here;
 * positions this loop reports are then confirmed by that regex, made sticky, at each of them.
 *
 * Folding sets bit 5 of every character, not only of letters, so other characters can fold onto
 * a keyword's (CR onto `-`): that adds candidates, never loses one. A case-insensitive match of
 * a keyword is ASCII only (non-Unicode regexes never fold a non-ASCII character onto ASCII), so
 * every match starts at a reported position.
 */
export class KeywordFilter {
  /** Bit `t` is set when some keyword starts with the folded trigram `t` (24 bits). */
  private readonly bits = new Uint8Array(1 << 21)
  /** Positions found by the last `find`, reused between calls. */
  private out = new Int32Array(4096)

  constructor(keywords: readonly string[], opts: { simd?: boolean } = {}) {
    const trigrams = keywordTrigrams(keywords)
    for (const t of trigrams) this.bits[t >>> 3] |= 1 << (t & 7)
    // Made at the first long range: the module is compiled once, and only if needed.
    if (opts.simd !== false && trigrams.length > 0) this.makeSimd = () => simdScanner(trigrams)
  }

  private makeSimd: (() => SimdScanner | undefined) | undefined
  private simdScanner: SimdScanner | undefined

  /** The SIMD pass, if asked for and the runtime has it. */
  private get simd(): SimdScanner | undefined {
    if (this.makeSimd) {
      this.simdScanner = this.makeSimd()
      this.makeSimd = undefined
    }
    return this.simdScanner
  }

  /** Whether long ranges are read by the SIMD pass. */
  get usesSimd(): boolean {
    return this.simd !== undefined
  }

  /**
   * Positions in `[from, to)` where a keyword may start, ascending, as `positions[0, count)`;
   * the array is reused by the next call.
   */
  find(text: string, from: number, to: number): Candidates {
    const simd = to - from >= SIMD_FROM ? this.simd : undefined
    if (simd)
      return this.confirm(text, from, to, (found, at, end) => simd.scan(text, at, end, found))
    return this.collect(text.length, from, to, (at, end, count) =>
      this.scanText(text, at, end, count),
    )
  }

  /** The same over bytes (a binary file, before any text is made of it). */
  findBytes(bytes: Uint8Array, from: number, to: number): Candidates {
    const simd = to - from >= SIMD_FROM ? this.simd : undefined
    if (simd)
      return this.confirm(bytes, from, to, (found, at, end) => simd.scan(bytes, at, end, found))
    return this.collect(bytes.length, from, to, (at, end, count) =>
      this.scanBytes(bytes, at, end, count),
    )
  }

  /**
   * For the raw text of a JSON string (between its quotes), when SIMD is there and the text is
   * long enough: `find`'s positions over that raw text, and what its escapes are (see
   * SimdScanner.scanJson). Undefined otherwise.
   */
  findJson(raw: string): (Candidates & { escapes: number; flags: number }) | undefined {
    const simd = raw.length >= SIMD_FROM ? this.simd : undefined
    if (!simd) return undefined
    let escapes = { escapes: 0, flags: 0 }
    const found = this.confirm(raw, 0, raw.length, (f) => (escapes = simd.scanJson(raw, f)))
    return { ...found, ...escapes }
  }

  /**
   * The SIMD pass's positions, each kept when its trigram (computed as the plain loops compute
   * it) is a keyword's: for latin1 input, exactly the positions the plain loop reports.
   */
  private confirm(
    input: string | Uint8Array,
    from: number,
    to: number,
    run: (found: (at: number) => void, from: number, to: number) => void,
  ): Candidates {
    const code =
      typeof input === 'string' ? (i: number) => input.charCodeAt(i) : (i: number) => input[i]
    const last = Math.min(input.length, to + 2) - 2 // the last trigram must fit, as in the loops
    const { bits } = this
    let count = 0
    run(
      (at) => {
        if (at >= last) return
        const t =
          (((code(at) | 32) << 16) | ((code(at + 1) | 32) << 8) | (code(at + 2) | 32)) & 0xffffff
        if ((bits[t >>> 3] & (1 << (t & 7))) === 0) return
        if (count === this.out.length) {
          const grown = new Int32Array(this.out.length * 2)
          grown.set(this.out)
          this.out = grown
        }
        this.out[count++] = at
      },
      from,
      Math.min(to, last),
    )
    return { positions: this.out, count }
  }

  private collect(length: number, from: number, to: number, scan: ScanLoop): Candidates {
    const end = Math.min(length, to + 2)
    let count = 0
    let at = from
    while (at + 2 < end) {
      const n = scan(at, end, count)
      count = n.count
      if (n.next >= end) break
      // The array is full: grow it and go on from where the scan stopped.
      const grown = new Int32Array(this.out.length * 2)
      grown.set(this.out)
      this.out = grown
      at = n.next
    }
    return { positions: this.out, count }
  }

  // The hot loops, one per input type and kept small so each is optimized: they stop at `end`
  // or when `out` is full, and then resume two characters back, so the trigram that did not
  // fit is seen again.

  private scanText(text: string, from: number, end: number, count: number): Stop {
    const { bits, out } = this
    let h = ((text.charCodeAt(from) | 32) << 8) | (text.charCodeAt(from + 1) | 32)
    let i = from + 2
    for (; i < end; i++) {
      h = ((h << 8) | (text.charCodeAt(i) | 32)) & 0xffffff
      if ((bits[h >>> 3] & (1 << (h & 7))) !== 0) {
        if (count === out.length) break
        out[count++] = i - 2
      }
    }
    return { count, next: i < end ? i - 2 : end }
  }

  private scanBytes(bytes: Uint8Array, from: number, end: number, count: number): Stop {
    const { bits, out } = this
    let h = ((bytes[from] | 32) << 8) | (bytes[from + 1] | 32)
    let i = from + 2
    for (; i < end; i++) {
      h = ((h << 8) | (bytes[i] | 32)) & 0xffffff
      if ((bits[h >>> 3] & (1 << (h & 7))) !== 0) {
        if (count === out.length) break
        out[count++] = i - 2
      }
    }
    return { count, next: i < end ? i - 2 : end }
  }
}

/** Ranges this long and longer go through the SIMD pass; below, its set-up costs more. */
export const SIMD_FROM = 2048

export interface Candidates {
  positions: Int32Array
  count: number
}

interface Stop {
  count: number
  next: number
}

type ScanLoop = (from: number, end: number, count: number) => Stop

/** The distinct folded first three characters of the keywords, `(c0 << 16) | (c1 << 8) | c2`, ascending. */
export function keywordTrigrams(keywords: readonly string[]): number[] {
  const trigrams = new Set<number>()
  for (const k of keywords) {
    if (k.length < 3) throw new Error(`internal: keyword '${k}' is shorter than 3 characters`)
    trigrams.add((fold(k, 0) << 16) | (fold(k, 1) << 8) | fold(k, 2))
  }
  return [...trigrams].sort((a, b) => a - b)
}

function fold(s: string, i: number): number {
  return (s.charCodeAt(i) | 32) & 0xffff
}
