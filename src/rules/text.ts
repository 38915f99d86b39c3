const decoded = new WeakMap<Buffer, string>()

/**
 * A file's bytes as a latin1 string (one character per byte, so offsets are byte offsets),
 * decoded once however many rules read it; it lives as long as the entry's bytes.
 */
export function latin1Text(content: Buffer): string {
  let text = decoded.get(content)
  if (text === undefined) {
    text = content.toString('latin1')
    decoded.set(content, text)
  }
  return text
}
