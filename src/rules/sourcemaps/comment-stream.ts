import type { ChunkSink } from '../../sources/body.js'
import { isLead } from './comments.js'

const MARKER = Buffer.from('sourceMappingURL=')
const STAR = Buffer.from('*')
const SLASH = 0x2f
const SPACE = 0x20
const TAB = 0x09
/** Bytes kept from the previous chunk: a marker split across chunks, and the `//# ` before it. */
const KEEP = MARKER.length + 4
/** A URL longer than this (an inline map of more than 48 MiB) is not read. */
export const MAX_URL = 64 * 1024 * 1024

/** What a `sourceMappingURL` comment in a streamed file holds. */
export interface StreamedUrl {
  /** The URL (latin1), or undefined when it was longer than MAX_URL. */
  url?: string
  /** Its first 256 bytes (the scheme of a URL too long to keep). */
  start: string
  /** Its length in bytes. */
  size: number
  line: number
}

/**
 * Finds `//# sourceMappingURL=` (or `//@`, `/*#`) comments in a file streamed chunk by chunk, as
 * `findMappingUrls` does in a whole one: only the URLs are kept, and a URL is collected across
 * chunks however it is cut (an inline map can be megabytes of base64).
 */
export class MappingUrlStream implements ChunkSink {
  private prev = Buffer.alloc(0)
  private line = 1
  /** The stream so far ends with a comment's lead and any spaces or tabs. */
  private endLead = false
  /** Its last 3 bytes. */
  private tail3 = Buffer.alloc(0)
  /** A marker cut by the last chunk's end has a lead before it. */
  private jointLead = false
  private url?: {
    parts: Buffer[]
    size: number
    line: number
    start: string
    /** The last chunk ended in `*`, held back: with a `/` next it closes a CSS comment. */
    star: boolean
  }

  constructor(private readonly onUrl: (u: StreamedUrl) => void) {}

  write(chunk: Buffer): void {
    let from = 0
    // A URL that goes on from the last chunk covers the joint: no marker there is a comment.
    const urlAtJoint = Boolean(this.url)
    if (this.url) {
      from = this.collect(chunk, 0)
      if (this.url) return this.advance(chunk)
    }
    // The joint of the kept tail and this chunk: a marker cut in two.
    const joint = Buffer.concat([this.prev, chunk.subarray(0, MARKER.length)])
    for (
      let i = urlAtJoint ? -1 : joint.indexOf(MARKER);
      i >= 0;
      i = joint.indexOf(MARKER, i + 1)
    ) {
      const end = i + MARKER.length
      if (end <= this.prev.length || end > joint.length || i >= this.prev.length) continue
      if (!this.jointLead) continue
      this.start(this.lineAt(chunk, 0))
      from = this.collect(chunk, end - this.prev.length)
    }
    for (let i = chunk.indexOf(MARKER, from); i >= 0; i = chunk.indexOf(MARKER, from)) {
      from = i + MARKER.length
      if (!this.leadAt(chunk, i)) continue
      this.start(this.lineAt(chunk, i))
      from = this.collect(chunk, from)
      if (this.url) break
    }
    this.advance(chunk)
  }

  end(): void {
    if (!this.url) return
    if (this.url.star) this.append(STAR, 0, 1)
    this.finish()
  }

  private start(line: number): void {
    this.url = { parts: [], size: 0, line, start: '', star: false }
  }

  /** Adds URL bytes from `chunk[at]` on; returns where the URL ended (or the chunk's end). */
  private collect(chunk: Buffer, at: number): number {
    const url = this.url as NonNullable<MappingUrlStream['url']>
    if (at === chunk.length) return at
    if (url.star) {
      url.star = false
      if (chunk[at] === SLASH) {
        this.finish()
        return at
      }
      this.append(STAR, 0, 1)
    }
    let end = at
    while (end < chunk.length && !isTerminator(chunk, end)) end++
    url.star = end === chunk.length && chunk[end - 1] === STAR[0]
    this.append(chunk, at, url.star ? end - 1 : end)
    if (end < chunk.length) this.finish()
    return end
  }

  private append(chunk: Buffer, from: number, to: number): void {
    const url = this.url as NonNullable<MappingUrlStream['url']>
    url.size += to - from
    if (url.start.length < 256)
      url.start += chunk.toString('latin1', from, Math.min(to, from + 256))
    if (url.size <= MAX_URL) url.parts.push(chunk.subarray(from, to))
    else url.parts = []
  }

  private finish(): void {
    const url = this.url as NonNullable<MappingUrlStream['url']>
    this.url = undefined
    if (url.size === 0) return
    this.onUrl({
      url: url.size <= MAX_URL ? Buffer.concat(url.parts).toString('latin1') : undefined,
      size: url.size,
      start: url.start.slice(0, 256),
      line: url.line,
    })
  }

  /** Line of `chunk[i]`: lines counted so far plus the newlines before it in this chunk. */
  private lineAt(chunk: Buffer, i: number): number {
    let line = this.line
    for (let j = chunk.indexOf(0x0a); j >= 0 && j < i; j = chunk.indexOf(0x0a, j + 1)) line++
    return line
  }

  /**
   * Whether a marker at `chunk[i]` follows `//#` (or `//@`, `/*#`, `/*@`) and any spaces or
   * tabs, however long the run and however the chunks cut it.
   */
  private leadAt(chunk: Buffer, i: number): boolean {
    let k = i
    while (k > 0 && (chunk[k - 1] === SPACE || chunk[k - 1] === TAB)) k--
    if (k === 0) return this.endLead
    const three =
      k >= 3 ? chunk.subarray(k - 3, k) : Buffer.concat([this.tail3, chunk.subarray(0, k)])
    return isLead(three.toString('latin1', Math.max(0, three.length - 3)))
  }

  private advance(chunk: Buffer): void {
    // A marker cut by the stream's end (however many chunks it spans so far): the lead before
    // its start, worked out in the chunk where it starts (MARKER has one `s`: one such start).
    const tail = Buffer.concat([this.prev, chunk.subarray(Math.max(0, chunk.length - KEEP))])
    let m = Math.min(MARKER.length - 1, tail.length)
    while (m > 0 && !tail.subarray(tail.length - m).equals(MARKER.subarray(0, m))) m--
    if (m === 0) this.jointLead = false
    else if (m <= chunk.length) this.jointLead = this.leadAt(chunk, chunk.length - m)
    this.endLead = this.leadAt(chunk, chunk.length)
    this.tail3 = Buffer.concat([this.tail3, chunk.subarray(Math.max(0, chunk.length - 3))])
    this.tail3 = Buffer.from(this.tail3.subarray(Math.max(0, this.tail3.length - 3)))
    this.line = this.lineAt(chunk, chunk.length)
    const keep = Buffer.concat([this.prev, chunk.subarray(Math.max(0, chunk.length - KEEP))])
    this.prev = Buffer.from(keep.subarray(Math.max(0, keep.length - KEEP)))
  }
}

/** Where a URL ends: whitespace, a quote or backtick, or the `*\/` closing a CSS comment. */
function isTerminator(b: Buffer, i: number): boolean {
  const c = b[i]
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x27 || c === 0x22 || c === 0x60) return true
  if (c === 0x3c) return true // `<`: an HTML tag after the URL
  return c === 0x2a && b[i + 1] === 0x2f
}
