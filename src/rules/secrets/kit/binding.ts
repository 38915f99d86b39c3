// For secrets without a prefix, found near a keyword: which name the value itself is given.
// Being in a window around the keyword is not enough: another provider's key next to an AWS
// key id is not an AWS secret.

/** Between two items of a list or a pair: `"a", "b"`, `a:b`, `a,b`, escaped quotes too. */
const NEXT = `(?:\\\\{0,3}["'\`])?[ \\t]{0,4}[,:][ \\t]{0,4}(?:\\\\{0,3}["'\`])?`

/**
 * The name a value starting at `start` is assigned to or labelled with: `name = "v"`,
 * `"name": "v"`, `name: v`, `NAME=v`, `name => 'v'`, `name := v`, escaped quotes too. Lower
 * case without `_`, `-` and `$` (`AWS_SECRET_ACCESS_KEY`, `secretAccessKey` and
 * `aws-secret-access-key` all read `awssecretaccesskey`); of a dotted path, its last part.
 * Undefined when there is none. Read backwards from the value, at most about 80 characters.
 */
export function nameOf(text: string, start: number): string | undefined {
  let i = skipSpace(text, skipQuote(text, start))
  if (text[i - 1] === '>' && text[i - 2] === '=') i -= 2
  else if (text[i - 1] === '=') i -= text[i - 2] === ':' ? 2 : 1
  else if (text[i - 1] === ':') i--
  else return undefined
  const end = skipQuote(text, skipSpace(text, i))
  let from = end
  while (from > 0 && end - from < 64 && isNameChar(text.charCodeAt(from - 1))) from--
  // `\nNAME=` inside a string literal: the n is the escaped line break's
  if (text[from - 1] === '\\' && /[nrt]/.test(text[from])) from++
  if (from === end) return undefined
  return text.slice(from, end).replace(/[_$-]/g, '').toLowerCase()
}

/**
 * A test of whether a value is the next item after one of the shape `item` (regex source, at
 * most `longest` characters): `"AKIA…", "secret"`, `AKIA…,secret`. Reads only the characters
 * just before the value, so it costs the same however many items a window holds.
 */
export function nextAfter(item: string, longest: number): (text: string, start: number) => boolean {
  const re = new RegExp(`(?:${item})${NEXT}$`)
  return (text, start) => re.test(text.slice(Math.max(0, start - longest - 16), start))
}

/** Back over a quote and up to three backslashes escaping it. */
function skipQuote(text: string, i: number): number {
  const c = text[i - 1]
  if (c !== '"' && c !== "'" && c !== '`') return i
  i--
  for (let n = 0; n < 3 && text[i - 1] === '\\'; n++) i--
  return i
}

/** Back over up to four spaces or tabs. */
function skipSpace(text: string, i: number): number {
  for (let n = 0; n < 4 && (text[i - 1] === ' ' || text[i - 1] === '\t'); n++) i--
  return i
}

/** A letter, digit, `_`, `$` or `-`. */
function isNameChar(c: number): boolean {
  const l = c | 0x20
  return (
    (l >= 0x61 && l <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c === 0x2d
  )
}
