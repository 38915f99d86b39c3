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

  constructor(keywords: readonly string[]) {
    for (const k of keywords) {
      if (k.length < 3) throw new Error(`internal: keyword '${k}' is shorter than 3 characters`)
      const t = (fold(k, 0) << 16) | (fold(k, 1) << 8) | fold(k, 2)
      this.bits[t >>> 3] |= 1 << (t & 7)
    }
  }

  /**
   * Positions in `[from, to)` where a keyword may start, ascending, as `positions[0, count)`;
   * the array is reused by the next call.
   */
  find(text: string, from: number, to: number): Candidates {
    return this.collect(text.length, from, to, (at, end, count) =>
      this.scanText(text, at, end, count),
    )
  }

  /** The same over bytes (a binary file, before any text is made of it). */
  findBytes(bytes: Uint8Array, from: number, to: number): Candidates {
    return this.collect(bytes.length, from, to, (at, end, count) =>
      this.scanBytes(bytes, at, end, count),
    )
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

export interface Candidates {
  positions: Int32Array
  count: number
}

interface Stop {
  count: number
  next: number
}

type ScanLoop = (from: number, end: number, count: number) => Stop

function fold(s: string, i: number): number {
  return (s.charCodeAt(i) | 32) & 0xffff
}
