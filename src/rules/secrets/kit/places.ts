// Where in a package a file is, for detectors that judge a finding by its place.

/** Names of files whose content is a private key. */
const KEY_FILE =
  /(?:^|[/\\!])(?:id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?|[^/\\!]+\.(?:pem|key|ppk|p8|pk8|asc|gpg|openssh))$/i
/** Documentation by extension, or anything under a docs folder. */
const DOCS = /\.(?:md|markdown|rst|txt|adoc|asciidoc)$|(?:^|[/\\!])docs?[/\\]/i
/** Anything under a test or fixture folder at any depth, or named as a test file. */
const TESTS =
  /(?:^|[/\\!])(?:tests?|__tests__|specs?|fixtures|__fixtures__)[/\\]|\.(?:test|spec)\.[cm]?[jt]sx?$/i

/** Whether a file is by its name a private key file (`*.pem`, `*.key`, `id_rsa`, `*.ppk` …). */
export function isKeyFile(path: string): boolean {
  return KEY_FILE.test(path)
}

/** `documentation` or `test code` when a file is one of them, else undefined. */
export function docsOrTests(path: string): 'documentation' | 'test code' | undefined {
  if (TESTS.test(path)) return 'test code'
  if (DOCS.test(path)) return 'documentation'
  return undefined
}

/** A line of a doc comment (`/** ... *\/`, JSDoc): whitespace, then `*`, then not `/`. */
const DOC_COMMENT_LINE = /^[ \t]*\*(?!\/)/

/**
 * Whether the line `start` is on is a doc-comment line: an `@example` in a bundled SDK. Only the
 * 1,000 characters before `start` are read, so a text of many hits and no line break stays
 * linear (a line that starts further back is not taken for one).
 */
export function inDocComment(text: string, start: number): boolean {
  const from = Math.max(0, start - 1000)
  const nl = text.slice(from, start).lastIndexOf('\n')
  if (nl < 0 && from > 0) return false
  const line = from + nl + 1
  return DOC_COMMENT_LINE.test(text.slice(line, Math.min(start, line + 200)))
}
