const CHUNK = 64 * 1024
const ZEROS = Buffer.alloc(CHUNK)

/** Watches the bytes after the tar end marker: zero padding is normal, anything else is not. */
export class TrailingCheck {
  private bytes = 0
  private firstData = -1

  add(chunk: Buffer): void {
    if (this.firstData < 0) {
      const at = firstNonZero(chunk)
      if (at >= 0) this.firstData = this.bytes + at
    }
    this.bytes += chunk.length
  }

  /** A sentence for the finding, or undefined when only zeros (or nothing) follow the marker. */
  describe(): string | undefined {
    if (this.firstData < 0) return undefined
    return `${this.bytes} bytes follow the tar end-of-archive marker and hold data (from byte ${this.firstData} after it); npm stops at the marker, other tools may extract them, and packguard did not check them`
  }
}

/** Index of the first non-zero byte; compares against zeros natively, 64 KiB at a time. */
function firstNonZero(chunk: Buffer): number {
  for (let off = 0; off < chunk.length; off += CHUNK) {
    const part = chunk.subarray(off, off + CHUNK)
    if (part.equals(ZEROS.subarray(0, part.length))) continue
    for (let i = 0; i < part.length; i++) if (part[i] !== 0) return off + i
  }
  return -1
}
