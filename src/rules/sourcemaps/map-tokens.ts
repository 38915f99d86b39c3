/** Byte-level pieces of the streaming source-map scanner (map-scan.ts). */

export const QUOTE = 0x22
const NEWLINE = 0x0a
export const COMMA = 0x2c
export const COLON = 0x3a
export const OPEN_ARRAY = 0x5b
export const CLOSE_ARRAY = 0x5d
export const OPEN_OBJECT = 0x7b
export const CLOSE_OBJECT = 0x7d
const BACKSLASH = 0x5c

/** The anti-XSSI prefix a map may start with (the rest of its line is ignored too). */
const XSSI_PREFIX = Buffer.from(")]}'", 'latin1')

function byteSet(chars: string): Uint8Array {
  const set = new Uint8Array(256)
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1
  return set
}

/** JSON whitespace; anything else between tokens is an error. */
export const WHITESPACE = byteSet(' \t\n\r')

/**
 * Bytes a number, `true`, `false` or `null` is made of. Wider than what is valid, so that a
 * token like `tru` or `1x` is read whole and then rejected by {@link LiteralReader}.
 */
export const LITERAL_BYTE = byteSet(
  '0123456789+-.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
)

const LITERAL_TOKEN = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/
/** Longer is no literal a map needs; past it the text stops growing, so a hostile run costs nothing. */
const MAX_LITERAL = 512

/**
 * Bytes `[from, to)` as a latin1 string (one character per byte). Node's own `latin1Slice`,
 * undocumented but stable: `toString('latin1', ...)` wraps it in argument checks that cost
 * more than the copy for the thousands of short strings a map holds.
 */
export function latin1(c: Buffer, from: number, to: number): string {
  return (c as Buffer & { latin1Slice(from: number, to: number): string }).latin1Slice(from, to)
}

/**
 * Whether the run of backslashes that ends just before `end` (counted no further back than
 * `floor`) is odd: an odd run escapes the byte at `end`. `floor` is where the current stretch
 * of string began, so a backslash already known to be escaped is never counted twice.
 */
export function oddBackslashes(chunk: Buffer, end: number, floor: number): boolean {
  let k = end
  while (k > floor && chunk[k - 1] === BACKSLASH) k--
  return ((end - k) & 1) === 1
}

/**
 * One JSON string read in pieces as chunks arrive. Its closing quote is found with
 * `Buffer.indexOf` (memchr speed) and an escape split across chunks is carried over. Its raw
 * text is held only when the caller keeps it (up to a limit), so a skipped string of any size
 * costs a few native searches and no memory.
 */
export class StringReader {
  /** Offset of the opening quote in the whole input. */
  start = 0
  /** The kept text passed its limit: it was dropped, and the rest of the string is skipped. */
  overLimit = false
  private limit = 0
  /** The next byte belongs to the string whatever it is: the opening quote, or an escaped byte. */
  private takeNext = false
  private pieces: string[] = []
  private size = 0

  /** A string opens at `start`; `limit` > 0 keeps up to that many raw bytes of it. */
  begin(start: number, limit: number): void {
    this.start = start
    this.limit = limit
    this.overLimit = false
    this.takeNext = true
    this.pieces = []
    this.size = 0
  }

  /** Reads on from `i`: the index after the closing quote, or -1 if the chunk ends first. */
  read(c: Buffer, i: number): number {
    let from = this.takeNext ? i + 1 : i
    this.takeNext = false
    for (;;) {
      const q = c.indexOf(QUOTE, from)
      if (q < 0) {
        // A trailing odd run of backslashes escapes the next chunk's first byte.
        this.takeNext = oddBackslashes(c, c.length, from)
        this.keep(c, i, c.length)
        return -1
      }
      if (!oddBackslashes(c, q, from)) {
        this.keep(c, i, q + 1)
        return q + 1
      }
      from = q + 1
    }
  }

  /** The kept string decoded by JSON.parse (undefined if invalid), then dropped. */
  text(): string | undefined {
    return decodeString(this.raw())
  }

  /** The kept string as it is written, quotes and escapes and all, then dropped. */
  raw(): string {
    const raw = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('')
    this.pieces = []
    return raw
  }

  private keep(c: Buffer, from: number, to: number): void {
    if (this.limit === 0) return
    this.size += to - from
    if (this.size <= this.limit) {
      this.pieces.push(latin1(c, from, to))
      return
    }
    // Kept one last time: the caller takes them (raw()) to scan them as text, then they go.
    this.pieces.push(latin1(c, from, to))
    this.overLimit = true
    this.limit = 0
  }
}

/** A JSON string as written (with its quotes) decoded, or undefined if it is not valid. */
export function decodeString(raw: string): string | undefined {
  try {
    return JSON.parse(raw) as string
  } catch {
    return undefined
  }
}

/** A number, `true`, `false` or `null`: short, so gathered across chunks as text and checked whole. */
export class LiteralReader {
  /** Offset of its first byte in the whole input. */
  start = 0
  private text = ''

  begin(start: number): void {
    this.start = start
    this.text = ''
  }

  /** Reads on from `i`: the index just after the literal, or -1 if the chunk ends first. */
  read(c: Buffer, i: number): number {
    let j = i
    while (j < c.length && LITERAL_BYTE[c[j]] === 1) j++
    if (this.text.length <= MAX_LITERAL) this.text += latin1(c, i, j)
    return j < c.length ? j : -1
  }

  /** The literal as written (up to its limit). */
  get value(): string {
    return this.text
  }

  /** Whether the whole literal is valid JSON. */
  valid(): boolean {
    return this.text.length <= MAX_LITERAL && LITERAL_TOKEN.test(this.text)
  }
}

/**
 * Finds where a map's JSON object starts: after JSON whitespace of any length and an optional
 * `)]}'` line (itself after whitespace), a `{`. Anything else is no JSON object, so no source
 * map at all. A UTF-8 BOM or UTF-16 is dealt with before (see MapDecoder in map-sniff.ts).
 */
export class MapStart {
  /** Known not to be a map: it starts with something else, or ended before a `{`. */
  notAMap = false
  /** Bytes of the prefix matched so far; -1 once past the place where it may be. */
  private prefix = 0
  private inPrefixLine = false

  /** Reads on from `i`: the index of the `{` once found, else -1 (see `notAMap`). */
  find(c: Buffer, i: number): number {
    while (i < c.length) {
      if (this.inPrefixLine) {
        const nl = c.indexOf(NEWLINE, i)
        if (nl < 0) return -1
        this.inPrefixLine = false
        i = nl + 1
        continue
      }
      const b = c[i]
      if (this.prefix >= 0) {
        if (b === XSSI_PREFIX[this.prefix]) {
          this.inPrefixLine = ++this.prefix === XSSI_PREFIX.length
          if (this.inPrefixLine) this.prefix = -1
          i++
          continue
        }
        if (this.prefix > 0) return this.no() // half a prefix
        if (WHITESPACE[b] !== 1) this.prefix = -1
      }
      if (b === OPEN_OBJECT) return i
      if (WHITESPACE[b] !== 1) return this.no()
      i++
    }
    return -1
  }

  /** The input ended before its `{`. */
  end(): void {
    this.notAMap = true
  }

  private no(): number {
    this.notAMap = true
    return -1
  }
}
