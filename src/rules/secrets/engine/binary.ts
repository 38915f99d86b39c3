/** Whether bytes are binary: a NUL byte in the first 8 KB (as git and grep decide). */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8192).includes(0)
}

/** The bytes `printableRuns` keeps: printable ASCII, tab and line breaks (one test, two forms). */
const PRINTABLE = '[\\t\\n\\r\\x20-\\x7e]'
export function isPrintable(b: number): boolean {
  return (b >= 0x20 && b <= 0x7e) || b === 0x09 || b === 0x0a || b === 0x0d
}

/**
 * The printable-ASCII runs (tab and line breaks included, so a PEM block stays whole) of at
 * least `min` bytes, as a latin1 string as long as the file with every other byte blanked to
 * NUL but line feeds: each run keeps its offset and line, so lines and columns are those of the
 * file (counted as a streamed file's are, by every line feed).
 */
export function printableRuns(content: Buffer, min = 8): string {
  // The regex engine finds the runs (a per-byte loop in JS is ten times slower on a 20 MB addon).
  const runs = new RegExp(`${PRINTABLE}{${min},}`, 'g')
  const text = content.toString('latin1')
  const out = Buffer.alloc(content.length)
  for (let i = content.indexOf(0x0a); i >= 0; i = content.indexOf(0x0a, i + 1)) out[i] = 0x0a
  for (let m = runs.exec(text); m; m = runs.exec(text))
    content.copy(out, m.index, m.index, m.index + m[0].length)
  return out.toString('latin1')
}
