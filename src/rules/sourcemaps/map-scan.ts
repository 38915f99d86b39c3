/** What one source map says about the original sources, gathered without parsing the whole map. */
export interface MapSources {
  /** `sources` paths, in order (index maps: every section's, concatenated). */
  sources: string[]
  /** Per source index, the embedded content's UTF-8 byte length (absent or null: none). */
  contentBytes: Array<number | undefined>
}

/** Called with each non-empty embedded source as soon as it is parsed; it is dropped after. */
export type OnContent = (index: number, content: string) => void

export class MalformedMap extends Error {
  override name = 'MalformedMap'
}

/**
 * Walks a source map (or an index map with `sections`) and reads only `sources` and
 * `sourcesContent`. Every other value, `mappings` above all, is skipped by scanning; each
 * string that is needed is parsed alone, so a 60 MB map never becomes one giant object.
 */
export function scanMap(text: string, onContent: OnContent): MapSources {
  // `text` is the map's bytes decoded as latin1: content lengths are byte counts.
  const w = new Walker(text)
  const out: MapSources = { sources: [], contentBytes: [] }
  w.ws()
  readMapObject(w, out, onContent)
  w.ws()
  if (w.i !== text.length) w.fail('data after the map object')
  return out
}

function readMapObject(w: Walker, out: MapSources, onContent: OnContent): void {
  const base = out.sources.length
  let sourceCount = 0
  w.object((key) => {
    if (key === 'sources') {
      w.array(() => {
        const s = w.peek() === '"' ? w.string() : (w.skip(), '')
        out.sources.push(Buffer.from(s, 'latin1').toString('utf8'))
        sourceCount++
      })
    } else if (key === 'sourcesContent') {
      let i = 0
      w.array(() => {
        const index = base + i++
        if (w.peek() !== '"') {
          w.skip()
          return
        }
        const content = w.string()
        if (content.length > 0) {
          out.contentBytes[index] = content.length
          onContent(index, content)
        }
      })
    } else if (key === 'sections') {
      w.array(() =>
        w.object((k) =>
          k === 'map' && w.peek() === '{' ? readMapObject(w, out, onContent) : w.skip(),
        ),
      )
    } else {
      w.skip()
    }
  })
  // sourcesContent may come before sources: keep indexes aligned to this map's sources.
  while (out.sources.length < base + sourceCount) out.sources.push('')
}

/** A minimal JSON scanner: positions, string boundaries, and skipping of unneeded values. */
class Walker {
  i = 0
  constructor(private readonly t: string) {}

  fail(what: string): never {
    throw new MalformedMap(`${what} at offset ${this.i}`)
  }

  ws(): void {
    const t = this.t
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i)
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break
      this.i++
    }
  }

  peek(): string {
    this.ws()
    return this.t[this.i] ?? ''
  }

  expect(ch: string): void {
    if (this.peek() !== ch) this.fail(`expected '${ch}'`)
    this.i++
  }

  /** End index (exclusive, after the closing quote) of the string starting at `this.i`. */
  private stringEnd(): number {
    let j = this.i + 1
    for (;;) {
      const q = this.t.indexOf('"', j)
      if (q < 0) this.fail('unterminated string')
      let backslashes = 0
      for (let k = q - 1; this.t.charCodeAt(k) === 0x5c; k--) backslashes++
      if (backslashes % 2 === 0) return q + 1
      j = q + 1
    }
  }

  string(): string {
    if (this.peek() !== '"') this.fail('expected a string')
    const end = this.stringEnd()
    const raw = this.t.slice(this.i, end)
    this.i = end
    try {
      return JSON.parse(raw) as string
    } catch {
      return this.fail('invalid string')
    }
  }

  object(onKey: (key: string) => void): void {
    this.expect('{')
    if (this.peek() === '}') {
      this.i++
      return
    }
    for (;;) {
      const key = this.string()
      this.expect(':')
      onKey(key)
      const c = this.peek()
      this.i++
      if (c === '}') return
      if (c !== ',') this.fail("expected ',' or '}'")
    }
  }

  array(onItem: () => void): void {
    this.expect('[')
    if (this.peek() === ']') {
      this.i++
      return
    }
    for (;;) {
      onItem()
      const c = this.peek()
      this.i++
      if (c === ']') return
      if (c !== ',') this.fail("expected ',' or ']'")
    }
  }

  /** Skips any value without building it. */
  skip(): void {
    const c = this.peek()
    if (c === '"') this.i = this.stringEnd()
    else if (c === '{') this.object(() => this.skip())
    else if (c === '[') this.array(() => this.skip())
    else {
      const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        this.t.slice(this.i, this.i + 40),
      )
      if (!m) this.fail('unexpected value')
      this.i += m[0].length
    }
  }
}
