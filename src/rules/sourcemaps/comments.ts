/** A `sourceMappingURL` comment found in shipped JS or CSS. */
export interface MappingUrl {
  url: string
  /** Byte offset of the URL (text is latin1-decoded). */
  offset: number
}

const MARKER = 'sourceMappingURL='

/**
 * Every `//# sourceMappingURL=` (or `//@`, or CSS's `/*# ... *\/`) comment in a file. Bundles
 * that concatenate files can carry several, so all are returned, not just the last.
 */
export function findMappingUrls(text: string): MappingUrl[] {
  const out: MappingUrl[] = []
  // After a URL, the search goes on past it: a marker inside a URL is not a comment.
  for (let i = text.indexOf(MARKER), next; i >= 0; i = text.indexOf(MARKER, next)) {
    next = i + MARKER.length
    const lead = text.slice(Math.max(0, i - 4), i)
    if (!/(\/\/|\/\*)[#@]\s?$/.test(lead)) continue
    const start = i + MARKER.length
    let end = start
    while (end < text.length && !/[\s'"`]/.test(text[end]) && !text.startsWith('*/', end)) end++
    if (end > start) out.push({ url: text.slice(start, end), offset: start })
    next = end
  }
  return out
}

/** The map inside a `data:` URL, or undefined when it cannot be decoded. */
export function decodeDataUrl(url: string): string | undefined {
  const comma = url.indexOf(',')
  if (!/^data:/i.test(url) || comma < 0) return undefined
  const meta = url.slice(5, comma)
  const body = url.slice(comma + 1)
  try {
    // latin1, as map files are read: one character per byte.
    return /;base64$/i.test(meta)
      ? Buffer.from(body, 'base64').toString('latin1')
      : Buffer.from(decodeURIComponent(body), 'utf8').toString('latin1')
  } catch {
    return undefined
  }
}

/** The host of an absolute http(s) or storage URL, or undefined for a relative one. */
export function absoluteHost(url: string): string | undefined {
  const m = /^([a-z][\w+.-]*):\/\/([^/?#]*)/i.exec(url)
  if (!m || /^data$/i.test(m[1])) return undefined
  return m[2].replace(/^[^@]*@/, '') || m[1]
}
