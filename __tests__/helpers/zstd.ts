import { execFileSync } from 'node:child_process'

/** A zstd frame holding `data` in raw blocks, built by hand (no compression, no tool needed). */
export function zstdRaw(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0x58])] // no content size, 8 MiB window
  const BLOCK = 128 * 1024
  for (let at = 0; at === 0 || at < data.length; at += BLOCK) {
    const piece = data.subarray(at, at + BLOCK)
    const header = (at + BLOCK >= data.length ? 1 : 0) | (piece.length << 3)
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, header >> 16]), piece)
  }
  return Buffer.concat(parts)
}

/** `zstd` with these flags over `input` when this machine has the tool; else undefined. */
export function zstdTool(args: string[], input: Buffer): Buffer | undefined {
  try {
    return execFileSync('zstd', [...args, '-c', '-q'], {
      input,
      stdio: ['pipe', 'pipe', 'ignore'],
      maxBuffer: 1 << 30,
    })
  } catch {
    return undefined
  }
}
