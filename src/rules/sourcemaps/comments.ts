/** A `sourceMappingURL` comment found in shipped JS or CSS. */
export interface MappingUrl {
  url: string
  /** Byte offset of the URL (text is latin1-decoded). */
  offset: number
}

const MARKER = 'sourceMappingURL='
/** What comes before the marker, then any spaces or tabs (as V8 reads them). */
const LEADS = new Set(['//#', '//@', '/*#', '/*@'])

/** Whether the 3 characters (latin1) before a run of spaces and tabs open a mapping comment. */
export const isLead = (three: string) => LEADS.has(three)

/** Where a URL ends: whitespace, a quote or backtick, `<` (an HTML tag after it), or `*\/`. */
const URL_END = /[\s'"`<]/

/**
 * Every `//# sourceMappingURL=` (or `//@`, or CSS's `/*# ... *\/`) comment in a file. Bundles
 * that concatenate files can carry several, so all are returned, not just the last.
 */
export function findMappingUrls(text: string): MappingUrl[] {
  const out: MappingUrl[] = []
  // After a URL, the search goes on past it: a marker inside a URL is not a comment.
  for (let i = text.indexOf(MARKER), next; i >= 0; i = text.indexOf(MARKER, next)) {
    next = i + MARKER.length
    let k = i
    while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--
    if (k < 3 || !isLead(text.slice(k - 3, k))) continue
    const start = i + MARKER.length
    let end = start
    while (end < text.length && !URL_END.test(text[end]) && !text.startsWith('*/', end)) end++
    if (end > start) out.push({ url: text.slice(start, end), offset: start })
    next = end
  }
  return out
}

/**
 * The bytes inside a `data:` URL (latin1, as read), or undefined when it is none: base64 when a
 * `;base64` parameter says so (wherever it is among the others), else percent-encoded, where an
 * escape that is not one stays as it is written (a broken one hides nothing). The charset is
 * not trusted: the bytes are decoded as a map file is (see MapDecoder).
 */
export function decodeDataUrl(url: string): Buffer | undefined {
  const comma = url.indexOf(',')
  if (!/^data:/i.test(url) || comma < 0) return undefined
  const meta = url.slice(5, comma)
  const body = url.slice(comma + 1)
  if (/;\s*base64\s*(;|$)/i.test(meta)) return Buffer.from(body, 'base64')
  const bytes = body.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  )
  return Buffer.from(bytes, 'latin1')
}

/** The host of an absolute http(s) or storage URL, or undefined for a relative one. */
export function absoluteHost(url: string): string | undefined {
  const m = /^([a-z][\w+.-]*):\/\/([^/?#]*)/i.exec(url)
  if (!m || /^data$/i.test(m[1])) return undefined
  return m[2].replace(/^[^@]*@/, '') || m[1]
}
