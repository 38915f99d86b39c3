import { TextDecoder } from 'node:util'
import { MapStart, WHITESPACE } from './map-tokens.js'

const OPEN_OBJECT = 0x7b
const CLOSE_PAREN = 0x29

/** Whether a byte may start a map's text: whitespace, `{` or the `)` of `)]}'`. */
const mayLead = (b: number) => WHITESPACE[b] === 1 || b === OPEN_OBJECT || b === CLOSE_PAREN

/**
 * Turns a file's bytes into the UTF-8 a map is read as: a UTF-8 BOM is dropped, UTF-16 (by its
 * BOM, or without one by the zero byte beside a map's first character) is transcoded, anything
 * else is passed on as it is (the same buffer, no copy). Chunks may be cut anywhere.
 */
export class MapDecoder {
  private mode: 'head' | 'utf8' | 'le' | 'be' = 'head'
  private head = Buffer.alloc(0)
  private utf16?: TextDecoder
  /** UTF-16BE: a byte of a code unit cut by the chunk's end. */
  private odd?: number

  /** The decoded bytes of `chunk` (maybe none yet, at the very start). */
  write(chunk: Buffer): Buffer {
    if (this.mode === 'utf8') return chunk
    if (this.mode === 'head') {
      const head = this.head.length ? Buffer.concat([this.head, chunk]) : chunk
      if (head.length < 3) {
        this.head = Buffer.from(head)
        return Buffer.alloc(0)
      }
      this.head = Buffer.alloc(0)
      return this.start(head)
    }
    return this.transcode(chunk, false)
  }

  /** The input ended: what was held back. */
  end(): Buffer {
    if (this.mode === 'head') return this.start(this.head)
    if (this.mode === 'utf8') return Buffer.alloc(0)
    return this.transcode(Buffer.alloc(0), true)
  }

  /** Whether the input is UTF-16 (known once the first bytes are in). */
  get utf16Input(): boolean {
    return this.mode === 'le' || this.mode === 'be'
  }

  private start(head: Buffer): Buffer {
    const [a, b] = head
    if (a === 0xef && b === 0xbb && head[2] === 0xbf) {
      this.mode = 'utf8'
      return head.subarray(3)
    }
    if ((a === 0xff && b === 0xfe) || (head.length >= 2 && b === 0 && a !== 0 && mayLead(a))) {
      this.mode = 'le'
    } else if (
      (a === 0xfe && b === 0xff) ||
      (head.length >= 2 && a === 0 && b !== 0 && mayLead(b))
    ) {
      this.mode = 'be'
    } else {
      this.mode = 'utf8'
      return head
    }
    this.utf16 = new TextDecoder('utf-16le', { ignoreBOM: false })
    return this.transcode(head, false)
  }

  private transcode(chunk: Buffer, last: boolean): Buffer {
    let bytes = chunk
    if (this.mode === 'be') {
      if (this.odd !== undefined) bytes = Buffer.concat([Buffer.from([this.odd]), bytes])
      const even = bytes.length & ~1
      this.odd = even < bytes.length ? bytes[even] : undefined
      bytes = Buffer.from(bytes.subarray(0, even)).swap16()
    }
    const text = (this.utf16 as TextDecoder).decode(bytes, { stream: !last })
    return Buffer.from(text, 'utf8')
  }
}

/**
 * Whether a file is to be read as a source map, from its first bytes: a JSON object (after a
 * BOM, whitespace of any length, a `)]}'` line; in UTF-8 or UTF-16). Most files are told apart
 * by their first byte; only a file that starts like a map is read on by the map reader.
 */
export class MapSniff {
  /** 'map' once its `{` is found, 'text' once it cannot be a map; undefined before. */
  verdict: 'map' | 'text' | undefined
  /** Where the `{` is in the bytes returned by the `write` that found it. */
  brace = -1
  /** Decoded bytes read before a verdict. */
  lead = 0
  readonly decoder = new MapDecoder()
  private readonly start = new MapStart()

  /** The chunk's bytes decoded (see MapDecoder); sets `verdict` once it is known. */
  write(chunk: Buffer): Buffer {
    const bytes = this.decoder.write(chunk)
    if (this.verdict === undefined) this.look(bytes)
    return bytes
  }

  end(): Buffer {
    const bytes = this.decoder.end()
    if (this.verdict === undefined) this.look(bytes)
    if (this.verdict === undefined) this.verdict = 'text'
    return bytes
  }

  private look(bytes: Buffer): void {
    const brace = this.start.find(bytes, 0)
    if (brace >= 0) {
      this.verdict = 'map'
      this.brace = brace
    } else if (this.start.notAMap) this.verdict = 'text'
    else this.lead += bytes.length
  }
}

/**
 * While a file's verdict is pending (its lead is whitespace or a long `)]}'` line), the secret
 * scanner holds its chunks up to this many bytes; past it, the secret scanner scans the lead
 * itself and the map reader scans from the chunk that settles the verdict on (see
 * `leadGoesToText`). Both sides decide it alike, from the same chunks.
 */
export const HOLD_LEAD = 1024 * 1024

/** Whether the undecided lead read so far is the secret scanner's to scan (see HOLD_LEAD). */
export const leadGoesToText = (sniff: MapSniff) => sniff.lead > HOLD_LEAD

/**
 * Whether the secret scanner leaves a file to the map reader: a map in UTF-8. A UTF-16 one is
 * scanned as it is as well (it finds nothing in a real one, whose text the map reader decodes),
 * so bytes that only start like UTF-16 JSON are never scanned only as what they would decode to.
 */
export const mapReaderScans = (sniff: MapSniff) =>
  sniff.verdict === 'map' && !sniff.decoder.utf16Input

/** Whether a whole file is read as a map (by content, whatever its name). */
export function sniffWhole(content: Buffer): MapSniff {
  const sniff = new MapSniff()
  // The first bytes settle it for nearly every file: a UTF-16 one is not transcoded whole.
  sniff.write(content.subarray(0, 4096))
  if (sniff.verdict === undefined && content.length > 4096) sniff.write(content.subarray(4096))
  if (sniff.verdict === undefined) sniff.end()
  return sniff
}
