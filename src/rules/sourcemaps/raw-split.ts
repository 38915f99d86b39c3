import type { OnRaw } from './map-roles.js'

/**
 * Splits a map's bytes, chunk by chunk, between onRaw (every byte but the embedded sources, as
 * written) and the map reader (which decodes the embedded sources for the secret scanner), so
 * that each byte is scanned once: an embedded source that turns out invalid, too long or cut
 * short goes to onRaw as written, and so does everything after an error.
 */
export class RawSplit {
  /** Chunk index from which bytes are still to be handed on. */
  private from = 0
  /** Inside an embedded source: its bytes are the reader's. */
  private inContent = false
  /** Where in the chunk the current string's bytes end (so far). */
  private stringEnd = 0
  /** The embedded source's text as written, while it is decoded. */
  private held: string | undefined

  constructor(private readonly onRaw?: OnRaw) {}

  chunkStarts(): void {
    this.from = 0
  }

  chunkEnds(c: Buffer): void {
    if (!this.inContent) this.give(c, this.from, c.length)
  }

  /** An embedded source opens at `c[i]`: bytes up to its quote are handed on. */
  contentStarts(c: Buffer, i: number): void {
    this.give(c, this.from, i + 1)
    this.inContent = true
  }

  /** The string being read has bytes up to `end` (exclusive) in this chunk. */
  stringReadTo(end: number): void {
    this.stringEnd = end
  }

  /** The embedded source's closing quote is at `quote`; `raw` is how it is written. */
  contentEnds(quote: number, raw: string): void {
    this.from = quote
    this.held = raw
  }

  /** Its text was decoded (or skimmed): it is the reader's. */
  contentTaken(): void {
    this.inContent = false
    this.held = undefined
  }

  /** It cannot be decoded: handed on as written, after its opening quote (handed on already). */
  contentInvalid(): void {
    if (!this.inContent || this.held === undefined) return
    this.inContent = false
    this.giveText(this.held)
    this.from = this.stringEnd
  }

  /** An error in this chunk: what the reader held and the chunk's rest are handed on. */
  afterError(c: Buffer, heldRaw: () => string): void {
    if (this.inContent) {
      this.inContent = false
      this.giveText(heldRaw())
      this.from = this.stringEnd
    }
    this.give(c, this.from, c.length)
  }

  /** The input ended inside an embedded source: what was held is handed on. */
  endsInContent(heldRaw: () => string): void {
    if (!this.inContent) return
    this.inContent = false
    this.giveText(heldRaw())
  }

  private giveText(raw: string): void {
    if (this.onRaw && raw.length > 1) this.onRaw(Buffer.from(raw.slice(1), 'latin1'))
  }

  private give(c: Buffer, from: number, to: number): void {
    if (this.onRaw && to > from) this.onRaw(c.subarray(from, to))
  }
}
