import * as zlib from 'node:zlib'
import { Decompress } from 'fzstd'

// zstd: Node's own decoder where the Node version has one (22.15+, 24), else fzstd, a pure
// JavaScript decoder (Node 20). fzstd allocates what a frame header declares, so every frame
// header is checked here first, the way zstd's own decoder limits its window.

type ZstdSync = (buf: Buffer, options?: { maxOutputLength?: number }) => Buffer
const nativeZstd = (zlib as unknown as { zstdDecompressSync?: ZstdSync }).zstdDecompressSync

/** zstd's default limit on a decoder's window (ZSTD_WINDOWLOG_LIMIT_DEFAULT, 2^27 bytes). */
export const MAX_WINDOW = 2 ** 27
const FRAME_MAGIC = 0xfd2fb528
const SKIPPABLE_MAGIC = 0x184d2a50

/** An error Node's zlib would give for output over `maxOutputLength`. */
function tooLarge(what: string): Error {
  return Object.assign(new Error(`${what} is over the output limit`), {
    code: 'ERR_BUFFER_TOO_LARGE',
  })
}

/**
 * Walks the frames of a zstd stream (RFC 8878) without decoding them: every frame header must
 * be well-formed, use no dictionary, declare a window of at most MAX_WINDOW and a content size
 * of at most `maxOutput`; blocks must fit the input. Throws on the first that does not.
 */
export function checkZstdFrames(bytes: Uint8Array, maxOutput: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const need = (at: number, n: number) => {
    if (at + n > bytes.length) throw new Error('truncated zstd stream')
  }
  let at = 0
  let frames = 0
  while (at < bytes.length) {
    need(at, 4)
    const magic = view.getUint32(at, true)
    if ((magic & 0xfffffff0) === SKIPPABLE_MAGIC) {
      need(at, 8)
      at += 8 + view.getUint32(at + 4, true)
      need(at, 0)
      continue
    }
    if (magic !== FRAME_MAGIC) throw new Error(`not a zstd frame at byte ${at}`)
    need(at, 5)
    const fhd = bytes[at + 4]
    const single = (fhd >> 5) & 1
    const fcsFlag = fhd >> 6
    if (fhd & 8) throw new Error('reserved bit set in a zstd frame header')
    if (fhd & 3) throw new Error('zstd frame needs a dictionary')
    let p = at + 5
    let window = 0
    if (!single) {
      need(p, 1)
      const wd = bytes[p++]
      const base = 2 ** (10 + (wd >> 3))
      window = base + (base / 8) * (wd & 7)
    }
    const fcsBytes = fcsFlag === 0 ? single : 2 ** fcsFlag
    need(p, fcsBytes)
    let size = 0
    for (let i = fcsBytes - 1; i >= 0; i--) size = size * 256 + bytes[p + i]
    if (fcsBytes === 2) size += 256
    p += fcsBytes
    if (single) window = size
    if (size > maxOutput || (single && window > maxOutput)) throw tooLarge('a zstd frame')
    if (window > MAX_WINDOW) throw new Error(`zstd window of ${window} bytes is over the limit`)
    for (let last = 0; !last;) {
      need(p, 3)
      const header = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16)
      last = header & 1
      const type = (header >> 1) & 3
      if (type === 3) throw new Error('reserved zstd block type')
      p += 3 + (type === 1 ? 1 : header >>> 3)
      need(p, 0)
    }
    if ((fhd >> 2) & 1) p += 4
    need(p, 0)
    at = p
    frames++
  }
  if (frames === 0) throw new Error('no zstd frame')
}

/**
 * Decompresses a whole zstd stream, at most `maxOutput` bytes (else ERR_BUFFER_TOO_LARGE). The
 * frames are checked first on every Node, so both decoders refuse the same streams (zlib would
 * drop bytes after the last frame unread).
 */
export function zstdDecompress(bytes: Buffer, maxOutput: number): Buffer {
  if (nativeZstd) {
    checkZstdFrames(bytes, maxOutput)
    return nativeZstd(bytes, { maxOutputLength: maxOutput })
  }
  return zstdDecompressJs(bytes, maxOutput)
}

/** The same with fzstd, after the frame check (what Node 20 uses; tested on every Node). */
export function zstdDecompressJs(bytes: Buffer, maxOutput: number): Buffer {
  checkZstdFrames(bytes, maxOutput)
  const parts: Uint8Array[] = []
  let total = 0
  const d = new Decompress((chunk) => {
    total += chunk.length
    if (total > maxOutput) throw tooLarge('zstd output')
    parts.push(chunk)
  })
  d.push(bytes, true)
  return Buffer.concat(parts, total)
}
