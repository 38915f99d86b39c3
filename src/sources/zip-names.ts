import { crc32 } from 'node:zlib'
import type { Entry as ZipEntry } from 'yauzl'
import { decodeName, showBytes } from './names.js'

const UNICODE_PATH = 0x7075
const UTF8_FLAG = 0x800

/**
 * Why an Info-ZIP Unicode Path field (0x7075) names another file than the header's own name,
 * if it does. yauzl and Info-ZIP unzip take the field's name; Python and Java take the
 * header's. Writers put the same name in both: in UTF-8, or in the header a legacy code page
 * (each non-ASCII character one or two bytes, or `?`), so only those spellings agree.
 */
export function unicodePathIssue(ze: ZipEntry): string | undefined {
  for (const f of ze.extraFields) {
    if (f.id !== UNICODE_PATH || f.data.length < 5 || f.data[0] !== 1) continue
    const header = ze.fileName as unknown as Buffer
    const unicode = decodeName(f.data.subarray(5)).text
    if (agrees(header, unicode, (ze.generalPurposeBitFlag & UTF8_FLAG) !== 0)) continue
    const stale =
      crc32(header) === f.data.readUInt32LE(1)
        ? ''
        : ' (its checksum of the header name does not match, so careful readers ignore it; others do not)'
    return `its Info-ZIP Unicode Path field names it '${showBytes(unicode)}' and its header '${showBytes(decodeName(header).text)}'${stale}: yauzl and unzip read the first, Python and Java the second`
  }
  return undefined
}

/** The name an Info-ZIP Unicode Path field (version 1) among `fields` gives, if one does. */
function unicodePathOf(fields: ReadonlyArray<{ id: number; data: Buffer }>): string | undefined {
  const f = fields.find((x) => x.id === UNICODE_PATH && x.data.length >= 5 && x.data[0] === 1)
  return f && decodeName(f.data.subarray(5)).text
}

/** The extra fields of a local header, as yauzl parses the central directory's. */
function extraFields(extra: Buffer): Array<{ id: number; data: Buffer }> {
  const out: Array<{ id: number; data: Buffer }> = []
  for (let at = 0; at + 4 <= extra.length;) {
    const size = extra.readUInt16LE(at + 2)
    if (at + 4 + size > extra.length) break
    out.push({ id: extra.readUInt16LE(at), data: extra.subarray(at + 4, at + 4 + size) })
    at += 4 + size
  }
  return out
}

/**
 * Why the name a local header gives through its own Unicode Path field (what readers that walk
 * local headers see: bsdtar, streaming unzip) differs from the central directory's name (its
 * Unicode Path field, else its header name), if it does.
 */
export function localUnicodePathIssue(
  local: { name: Buffer; extra: Buffer; flags: number },
  ze: ZipEntry,
): string | undefined {
  const own = unicodePathOf(extraFields(local.extra))
  if (own === undefined) return undefined
  const central = unicodePathOf(ze.extraFields)
  const seen = central ?? decodeName(ze.fileName as unknown as Buffer).text
  if (own === seen) return undefined
  if (central === undefined && agrees(local.name, own, (local.flags & UTF8_FLAG) !== 0)) {
    if (local.name.equals(ze.fileName as unknown as Buffer)) return undefined
  }
  return `the local header's Info-ZIP Unicode Path field names it '${showBytes(own)}'`
}

/** Past this many bytes a name is not matched against its legacy spellings: it simply disagrees. */
const MATCH_AT_MOST = 1024

function agrees(header: Buffer, unicode: string, utf8: boolean): boolean {
  if (decodeName(header).text === unicode) return true
  if (utf8 || header.length > MATCH_AT_MOST || unicode.length > MATCH_AT_MOST) return false
  return legacySpelling(header, unicode)
}

/**
 * Whether `header` spells `unicode` in a legacy code page: its ASCII as it is, each run of other
 * characters as bytes over 0x7f (a double-byte code page's second byte may be ASCII), or `?` and
 * `_` for what the code page lacks. Matched position by position (every place a prefix of the
 * name can end), so no input makes it slow.
 */
function legacySpelling(header: Buffer, unicode: string): boolean {
  const n = header.length
  let at = new Uint8Array(n + 1)
  at[0] = 1
  const chars = [...unicode]
  for (let i = 0; i < chars.length;) {
    const next = new Uint8Array(n + 1)
    const c = chars[i].codePointAt(0) as number
    if (c < 0x80) {
      for (let p = 0; p < n; p++) if (at[p] && header[p] === c) next[p + 1] = 1
      i++
    } else {
      // A run of non-ASCII characters: one or more units, each a high byte (and maybe its
      // second byte) or a stand-in.
      while (i < chars.length && (chars[i].codePointAt(0) as number) >= 0x80) i++
      for (let p = 0; p < n; p++) {
        if (!at[p] && !next[p]) continue
        const b = header[p]
        if (b >= 0x80) {
          next[p + 1] = 1
          if (p + 1 < n && header[p + 1] >= 0x40 && header[p + 1] <= 0x7e) next[p + 2] = 1
        } else if (b === 0x3f || b === 0x5f) next[p + 1] = 1
      }
    }
    at = next
  }
  return at[n] === 1
}
