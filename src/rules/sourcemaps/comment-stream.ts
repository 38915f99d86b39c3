import type { ChunkSink } from '../../sources/body.js'

const MARKER = Buffer.from('sourceMappingURL=')
const STAR = Buffer.from('*')
const SLASH = 0x2f
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
      if (!leadOk(joint.subarray(Math.max(0, i - 4), i))) continue
      this.start(this.lineAt(chunk, 0))
      from = this.collect(chunk, end - this.prev.length)
    }
    for (let i = chunk.indexOf(MARKER, from); i >= 0; i = chunk.indexOf(MARKER, from)) {
      from = i + MARKER.length
      const lead =
        i >= 4 ? chunk.subarray(i - 4, i) : Buffer.concat([this.prev, chunk.subarray(0, i)])
      if (!leadOk(lead.subarray(Math.max(0, lead.length - 4)))) continue
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

  private advance(chunk: Buffer): void {
    this.line = this.lineAt(chunk, chunk.length)
    const keep = Buffer.concat([this.prev, chunk.subarray(Math.max(0, chunk.length - KEEP))])
    this.prev = Buffer.from(keep.subarray(Math.max(0, keep.length - KEEP)))
  }
}

/** `//#`, `//@`, `/*#` or `/*@`, with an optional space, right before the marker. */
function leadOk(lead: Buffer): boolean {
  return /(\/\/|\/\*)[#@]\s?$/.test(lead.toString('latin1'))
}

/** Where a URL ends: whitespace, a quote or backtick, or the `*\/` closing a CSS comment. */
function isTerminator(b: Buffer, i: number): boolean {
  const c = b[i]
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x27 || c === 0x22 || c === 0x60) return true
  return c === 0x2a && b[i + 1] === 0x2f
}
