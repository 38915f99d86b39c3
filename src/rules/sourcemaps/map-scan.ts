import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  LITERAL_BYTE,
  LiteralReader,
  MapStart,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  decodeString,
  StringReader,
  WHITESPACE,
} from './map-tokens.js'
import { contentSum, type ContentSum } from './copies.js'
import { RawSplit } from './raw-split.js'
import {
  CONTENT,
  CONTENTS,
  ESCAPE_HOLD,
  ITEM_ROLE,
  KEY_BIT,
  keyRole,
  MalformedMap,
  MAP,
  MAP_KEYS,
  MAP_OR_SKIP,
  MAX_DEPTH,
  MAX_KEY,
  MAX_STRING,
  NAME,
  NON_ASCII,
  PATH,
  SECTION,
  SECTIONS,
  SKIP,
  SOURCES,
  utf8,
  VERSION,
  type MapSources,
  type OnContent,
  type OnRaw,
  type Skim,
  type WantSum,
} from './map-roles.js'
import {
  AFTER_KEY,
  DONE,
  expectedIn,
  FIRST_KEY,
  FIRST_VALUE,
  KEY,
  LITERAL,
  NEXT,
  NOT_A_MAP,
  START,
  STRING,
  VALUE,
} from './map-states.js'

export { MalformedMap, type MapSources, type OnContent, type OnRaw, type Skim, type WantSum }

interface Frame {
  object: boolean
  role: number
  /** Index of this map's first source in the output (index maps concatenate sections). */
  base: number
  /** Arrays: entries seen so far. */
  count: number
  /** Maps: one past the last index (from `base`) of their `sourcesContent` that had content. */
  contents?: number
  /** Maps and sections: the KEY_BIT keys seen. */
  keys: number
}

/**
 * Reads a source map (or an index map with `sections`) pushed in chunks of any size, keeping
 * only `sources` and `sourcesContent`. Every other value, `mappings` above all, is checked for
 * syntax and skipped without being held; nesting is an explicit stack, not recursion. A needed
 * string is held until it ends, then parsed alone with JSON.parse, so memory stays at about
 * one chunk plus the largest embedded source, whatever the size of the map.
 *
 * Use: `write()` each chunk, then `end()`. If the input is not a JSON object (after an optional
 * `)]}'` line, its first non-whitespace byte is not `{`, or none comes in the first 1024
 * bytes), `notAMap` turns true as soon as that is known, later writes are ignored and `end()`
 * returns undefined: the file is no source map at all. A map that cannot be read throws
 * MalformedMap from `write()` or `end()`, saying what and at which byte offset.
 */
export class MapScanner {
  private state = START
  private readonly start = new MapStart()
  private readonly stack: Frame[] = []
  private readonly out: MapSources = { sources: [], contentBytes: [], isMap: false }
  /** The top object's KEY_BIT keys, and whether its `version` is 3. */
  private topKeys = 0
  private version3 = false
  private readonly split: RawSplit
  private error: MalformedMap | undefined
  private ended = false
  /** Bytes before the current chunk: offsets are byte offsets into the whole input. */
  private offset = 0
  /** The role of the value after the key just read. */
  private role = SKIP
  private readonly string = new StringReader()
  private stringRole = SKIP
  private isKey = false
  private contentIndex = 0
  private readonly literal = new LiteralReader()
  private literalRole = SKIP

  constructor(
    private readonly onContent: OnContent,
    private readonly skim?: Skim,
    private readonly wantSum?: WantSum,
    onRaw?: OnRaw,
    private readonly onEscaped?: (text: string) => void,
  ) {
    this.split = new RawSplit(onRaw)
  }

  /** Whether it threw MalformedMap: later bytes are the caller's to scan as text. */
  get failed(): boolean {
    return this.error !== undefined
  }

  /** Whether its top-level keys show it means to be a map (`sources`, `mappings`...). */
  get mapKeys(): boolean {
    return (this.topKeys & MAP_KEYS) !== 0
  }

  /** True once the input is known not to be a JSON object; see the class comment. */
  get notAMap(): boolean {
    return this.state === NOT_A_MAP
  }

  /**
   * Feeds the next bytes (kept only by onRaw). Every byte goes to onRaw or, decoded, to
   * onContent, also when the map is malformed (see RawSplit); then MalformedMap is thrown.
   */
  write(chunk: Buffer): void {
    if (this.error) throw this.error
    if (this.ended) throw new Error('MapScanner: write after end')
    this.split.chunkStarts()
    try {
      this.scan(chunk)
    } catch (err) {
      if (err instanceof MalformedMap) this.split.afterError(chunk, () => this.string.raw())
      throw err
    }
    this.split.chunkEnds(chunk)
    this.offset += chunk.length
  }

  private scan(chunk: Buffer): void {
    const n = chunk.length
    let i = 0
    while (i < n && this.state !== NOT_A_MAP) {
      if (this.state === STRING) i = this.readString(chunk, i)
      else if (this.state === LITERAL) i = this.readLiteral(chunk, i)
      else if (this.state === START) {
        const brace = this.start.find(chunk, i)
        if (brace < 0) {
          if (this.start.notAMap) this.state = NOT_A_MAP
          break
        }
        this.open(true, MAP, brace)
        i = brace + 1
      } else i = this.token(chunk, i)
    }
  }

  /** Ends the input: what was gathered, undefined if not a map; MalformedMap if incomplete. */
  end(): MapSources | undefined {
    if (this.error) throw this.error
    this.ended = true
    if (this.state === LITERAL) this.endLiteral()
    const state = this.state
    if (state === DONE) {
      const keys = this.topKeys
      this.out.isMap =
        this.version3 &&
        ((keys & KEY_BIT.mappings && keys & KEY_BIT.sources) || keys & KEY_BIT.sections) !== 0
      return this.out
    }
    if (state === START || state === NOT_A_MAP) {
      this.start.end()
      this.state = NOT_A_MAP
      return undefined
    }
    if (state === STRING) {
      this.split.endsInContent(() => this.string.raw())
      return this.fail('unterminated string', this.string.start)
    }
    return this.fail(`map ends early: ${this.expected()}`, this.offset)
  }

  /** One byte outside strings and literals; returns where to go on. */
  private token(c: Buffer, i: number): number {
    const b = c[i]
    const state = this.state
    if (WHITESPACE[b] === 1) return i + 1
    if (state === FIRST_VALUE && b === CLOSE_ARRAY) this.close()
    else if (state === VALUE || state === FIRST_VALUE) return this.value(c, i)
    else if (state === FIRST_KEY && b === CLOSE_OBJECT) this.close()
    else if (state === KEY || state === FIRST_KEY) {
      if (b !== QUOTE) this.fail(this.expected(), this.offset + i)
      const role = this.top().role
      this.startString(c, i, role === MAP || role === SECTION ? NAME : SKIP, true)
      return i
    } else if (state === AFTER_KEY) {
      if (b !== COLON) this.fail("expected ':'", this.offset + i)
      this.state = VALUE
    } else if (state === NEXT) {
      const top = this.top()
      if (b === COMMA) this.state = top.object ? KEY : VALUE
      else if (b === (top.object ? CLOSE_OBJECT : CLOSE_ARRAY)) this.close()
      else this.fail(this.expected(), this.offset + i)
    } else this.fail('data after the map object', this.offset + i)
    return i + 1
  }

  /** The first byte of a value: its role says what it must be and whether it is kept. */
  private value(c: Buffer, i: number): number {
    const top = this.top()
    let role = this.role
    if (!top.object) {
      role = ITEM_ROLE[top.role]
      this.contentIndex = top.base + top.count++
    }
    const b = c[i]
    const needObject = role === MAP || role === SECTION
    const needArray = role === SOURCES || role === CONTENTS || role === SECTIONS
    if (needObject && b !== OPEN_OBJECT) this.fail("expected '{'", this.offset + i)
    if (needArray && b !== OPEN_ARRAY && !(role === CONTENTS && b === 0x6e))
      // `null`: see endLiteral
      this.fail("expected '['", this.offset + i)
    // A `sources` entry that is not a string still takes its index.
    if (role === PATH && b !== QUOTE) this.out.sources.push('')
    if (b === OPEN_OBJECT) this.open(true, needObject || role === MAP_OR_SKIP ? role : SKIP, i)
    else if (b === OPEN_ARRAY) this.open(false, needArray ? role : SKIP, i)
    else if (b === QUOTE) {
      this.startString(c, i, role === PATH || role === CONTENT ? role : SKIP, false)
      return i
    } else if (LITERAL_BYTE[b] === 1) {
      this.state = LITERAL
      this.literalRole = role
      this.literal.begin(this.offset + i)
      return i
    } else this.fail('unexpected value', this.offset + i)
    return i + 1
  }

  private startString(c: Buffer, i: number, role: number, isKey: boolean): void {
    if (role === CONTENT) {
      // Its raw bytes, quote included, are handed on up to here; the rest goes decoded (or, if
      // it turns out invalid, as it is written, its opening quote left out: it went already).
      this.split.contentStarts(c, i)
    }
    this.state = STRING
    this.stringRole = role
    this.isKey = isKey
    const skip = this.onEscaped ? ESCAPE_HOLD : 0
    this.string.begin(this.offset + i, role === SKIP ? skip : role === NAME ? MAX_KEY : MAX_STRING)
  }

  private readString(c: Buffer, i: number): number {
    const end = this.string.read(c, i)
    this.split.stringReadTo(end < 0 ? c.length : end)
    if (this.string.overLimit) {
      if (this.stringRole === PATH) this.fail('a source path over 64 MiB', this.string.start)
      if (this.stringRole === CONTENT)
        this.fail('an embedded source over 64 MiB', this.string.start)
      this.string.raw() // dropped: a key that long is none of those read
      this.stringRole = SKIP
    }
    if (end < 0) return c.length
    const role = this.stringRole
    let text = ''
    let length = 0
    let sum: ContentSum | undefined
    if (role === CONTENT && this.skim) {
      const raw = this.string.raw()
      this.split.contentEnds(end - 1, raw)
      const skimmed = this.skim(raw.slice(1, -1))
      const path = this.out.sources[this.contentIndex]
      const wanted = path !== undefined && this.wantSum?.(path) === true
      if (skimmed === undefined || wanted) text = decodeString(raw) ?? this.invalid()
      if (wanted) sum = contentSum(text, NON_ASCII.test(raw))
      length = skimmed ?? text.length
      if (skimmed !== undefined) text = ''
    } else if (role !== SKIP) {
      const raw = this.string.raw()
      if (role === CONTENT) this.split.contentEnds(end - 1, raw)
      text = decodeString(raw) ?? this.invalid()
      if (role === PATH) text = utf8(text, raw)
      length = text.length
      if (role !== CONTENT) this.escaped(raw, text)
    } else if (this.onEscaped && !this.string.overLimit) {
      const raw = this.string.raw()
      if (raw.includes('\\')) this.escaped(raw, decodeString(raw) ?? this.invalid())
    }
    if (role === CONTENT) this.split.contentTaken()
    if (this.isKey) {
      this.key(text)
      this.state = AFTER_KEY
      return end
    }
    this.afterValue()
    if (role === PATH) this.out.sources.push(text)
    else if (role === CONTENT && length > 0) {
      const map = this.stack[this.stack.length - 2]
      map.contents = Math.max(map.contents ?? 0, this.contentIndex - map.base + 1)
      this.out.contentBytes[this.contentIndex] = length
      if (sum) (this.out.contentSums ??= [])[this.contentIndex] = sum
      if (text) this.onContent(this.contentIndex, text)
    }
    return end
  }

  /** A string written with escapes (`\u0067`, `\/`) is scanned as what it stands for too. */
  private escaped(raw: string, text: string): void {
    if (this.onEscaped && raw.includes('\\')) this.onEscaped(text)
  }

  /** A key of a map or section just read: its value's role, and its duplicates refused. */
  private key(text: string): void {
    const top = this.top()
    this.role = keyRole(top.role, text)
    const bit = KEY_BIT[text] ?? 0
    if (top.keys & bit) this.fail(`duplicate key "${text}"`, this.string.start)
    top.keys |= bit
    if (this.stack.length === 1) {
      this.topKeys |= bit
      if (bit === KEY_BIT.version) this.role = VERSION
    }
  }

  private readLiteral(c: Buffer, i: number): number {
    const end = this.literal.read(c, i)
    if (end < 0) return c.length
    this.endLiteral()
    return end
  }

  private endLiteral(): void {
    if (!this.literal.valid()) this.fail('unexpected value', this.literal.start)
    if (this.literalRole === VERSION) this.version3 = this.literal.value === '3'
    // `"sourcesContent": null` is some bundlers' "none"; any other literal is not an array.
    const notNull = this.literalRole === CONTENTS && this.literal.value !== 'null'
    if (notNull) this.fail("expected '['", this.literal.start)
    this.afterValue()
  }

  private open(object: boolean, role: number, i: number): void {
    if (this.stack.length >= MAX_DEPTH)
      this.fail(`nesting deeper than ${MAX_DEPTH}`, this.offset + i)
    if (role === MAP_OR_SKIP) role = MAP
    const base = role === MAP ? this.out.sources.length : (this.stack.at(-1)?.base ?? 0)
    this.stack.push({ object, role, base, count: 0, keys: 0 })
    this.state = object ? FIRST_KEY : FIRST_VALUE
  }

  private close(): void {
    const frame = this.stack.pop() as Frame
    // Content past the map's last source still takes an index (its path unknown), so that the
    // next section's sources start after it and never take its content. A null or empty entry
    // takes none: nothing of it is reported.
    if (frame.role === MAP) {
      const sources = this.out.sources
      while (sources.length < frame.base + (frame.contents ?? 0)) sources.push('')
    }
    this.afterValue()
  }

  private afterValue(): void {
    this.state = this.stack.length === 0 ? DONE : NEXT
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1]
  }

  private expected(): string {
    return expectedIn(this.state, this.top()?.object ?? true)
  }

  private invalid(): never {
    this.split.contentInvalid()
    return this.fail('invalid string', this.string.start)
  }

  private fail(what: string, at: number): never {
    this.error = new MalformedMap(`${what} at offset ${at}`)
    throw this.error
  }
}
