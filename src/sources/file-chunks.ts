import { open } from 'node:fs/promises'

/**
 * A file's bytes in pieces of up to `size` bytes, the next read under way while the consumer
 * has the current piece. With `reuse`, pieces are read into two buffers in turn, so each is
 * valid only until the next is asked for: fresh memory for every piece costs a page fault per
 * 4 KiB, which on a virtual machine costs more than the gunzip of those bytes, and only a
 * consumer that keeps nothing of a piece (zlib) may take them. The file is closed once the
 * pieces end, fail or are left (the generator's `return` resolves after it is).
 */
export async function* fileChunks(
  path: string,
  size: number,
  opts: { reuse: boolean },
): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r')
  const buffers = opts.reuse ? [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)] : []
  let turn = 0
  const read = () => {
    turn ^= 1
    const reading = fh.read(buffers[turn] ?? Buffer.allocUnsafe(size), 0, size, null)
    // It may fail while the consumer still holds the last piece: handled when awaited, and
    // meanwhile no unhandled rejection (which ends the process).
    reading.catch(() => undefined)
    return reading
  }
  let next = read()
  try {
    for (;;) {
      const { bytesRead, buffer } = await next
      if (bytesRead === 0) return
      next = read()
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await next.catch(() => undefined)
    await fh.close()
  }
}
