/**
 * Per-text scan state shared by detectors. Keyword hits arrive in increasing order, so a
 * forward search for a closing marker (`-----END `) can be reused by every later hit before
 * the marker: each marker is searched for once per text instead of once per hit, which keeps
 * a text of a million headers without a footer linear.
 */
export class ScanContext {
  private readonly found = new Map<string, { from: number; at: number }>()
  private readonly memos = new Map<string, { at: number; value: unknown }>()

  /** `file` is the path being scanned, for detectors that judge a hit by its place. */
  constructor(
    readonly text: string,
    readonly file: string,
  ) {}

  /** `text.indexOf(needle, from)`, answered from the previous search when it still applies. */
  nextIndexOf(needle: string, from: number): number {
    const prev = this.found.get(needle)
    if (prev && prev.from <= from && (prev.at === -1 || prev.at >= from)) return prev.at
    const at = this.text.indexOf(needle, from)
    this.found.set(needle, { from, at })
    return at
  }

  /** The last value computed under `key` for offset `at`, so detectors sharing a keyword share work. */
  memo<T>(key: string, at: number, compute: () => T): T {
    const prev = this.memos.get(key)
    if (prev && prev.at === at) return prev.value as T
    const value = compute()
    this.memos.set(key, { at, value })
    return value
  }
}

/** Runs a sticky regex at `at`; undefined when it does not match exactly there. */
export function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | undefined {
  re.lastIndex = at
  return re.exec(text) ?? undefined
}

/**
 * Every match of a global regex that lies inside `text[from, to)`. One character either side is
 * kept so lookarounds see the real neighbours; a match running past the window is dropped.
 */
export function matchesIn(re: RegExp, text: string, from: number, to: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = []
  const base = Math.max(0, from - 1)
  const part = text.slice(base, Math.min(text.length, to + 1))
  re.lastIndex = 0
  for (let m = re.exec(part); m; m = re.exec(part)) {
    if (m[0].length === 0) re.lastIndex++
    m.index += base
    if (m.index >= from && m.index + m[0].length <= to) out.push(m)
  }
  return out
}
