/** Whether bytes are binary: a NUL byte in the first 8 KB (as git and grep decide). */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8192).includes(0)
}

const isText = (b: number) => (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d

/**
 * The printable-ASCII runs (tab and line breaks included, so a PEM block stays whole) of at
 * least `min` bytes, as a latin1 string as long as the file with every other byte blanked to
 * NUL: each run keeps its offset, so lines and columns are those of the file.
 */
export function printableRuns(content: Buffer, min = 8): string {
  const out = Buffer.alloc(content.length)
  let start = -1
  for (let i = 0; i <= content.length; i++) {
    if (i < content.length && isText(content[i])) {
      if (start < 0) start = i
    } else if (start >= 0) {
      if (i - start >= min) content.copy(out, start, start, i)
      start = -1
    }
  }
  return out.toString('latin1')
}
