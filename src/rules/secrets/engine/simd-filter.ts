/**
 * The keyword pass of the secret scanner over long texts, in WebAssembly SIMD: 16 positions at
 * a time, the way Hyperscan's "Teddy" does it. Each keyword's first three characters (folded
 * as KeywordFilter folds them) go into one of 8 buckets; per character position, two 16-byte
 * tables give for the low and for the high nibble of a byte the buckets that accept it, and
 * `i8x16.swizzle` looks up 16 bytes at once. A position is reported when some bucket accepts
 * all three of its bytes. That accepts every keyword start, and some more (a bucket accepts
 * any mix of its keywords' nibbles): KeywordFilter then checks each exactly.
 *
 * Over an embedded source's raw JSON text the same pass also counts and checks its escapes, so
 * that a source with no keyword need not be decoded at all (Scanner.skim).
 *
 * The module is written as text, simd-module.wat; its bytes are assembled ahead into
 * simd-module.generated.ts, so nothing here needs a WebAssembly toolchain. Where WebAssembly or
 * its SIMD is not there, `simdScanner` returns undefined and the plain loop does all the work.
 */

import { SIMD_TABLES } from './simd-tables.js'
import { tables } from './simd-buckets.js'
import { BLOCK, INPUT, OUTPUT, RESULT, TABLES } from './simd-layout.js'
import { SIMD_MODULE } from './simd-module.generated.js'

export { BLOCK }

/** What is used of the WebAssembly API (the TypeScript libs here do not declare it). */
interface Wasm {
  Module: new (bytes: Uint8Array) => unknown
  Instance: new (module: unknown) => { exports: unknown }
}

export interface SimdScanner {
  /**
   * Reports (ascending) the positions in `[from, to)` of a text or bytes where some bucket
   * accepts the three characters there; characters past latin1 are taken by their low byte.
   */
  scan(input: string | Uint8Array, from: number, to: number, found: (at: number) => void): void
  /**
   * The same over the raw text of a JSON string (between its quotes), and what its escapes
   * are: how many, and whether any byte or escape rules out reading it raw (`flags`: 1 a
   * control byte, 2 an escape other than \\" \\\\ \\b \\f \\n \\r \\t).
   */
  scanJson(raw: string, found: (at: number) => void): { escapes: number; flags: number }
}

/**
 * A scanner for these folded trigrams (each `(c0 << 16) | (c1 << 8) | c2`, ascending), if the
 * runtime can run it.
 */
export function simdScanner(trigrams: readonly number[]): SimdScanner | undefined {
  const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly
  let exports: {
    memory: { buffer: ArrayBuffer }
    scan: (length: number) => number
    json: (length: number, skip: number) => void
  }
  try {
    const module = new wasm!.Module(Buffer.from(SIMD_MODULE, 'base64'))
    exports = new wasm!.Instance(module).exports as typeof exports
  } catch {
    return undefined // no WebAssembly, no SIMD, or code generation turned off
  }
  const { memory, scan, json } = exports
  const bytes = new Uint8Array(memory.buffer)
  // Bucketing takes milliseconds: the detectors' own trigrams have their tables made ahead.
  const ready = trigrams.join() === SIMD_TABLES.trigrams.join()
  bytes.set(ready ? Buffer.from(SIMD_TABLES.tables, 'hex') : tables(trigrams), TABLES)
  const block = Buffer.from(memory.buffer, INPUT, BLOCK + 64)
  const out = new Int32Array(memory.buffer, OUTPUT, BLOCK)
  const result = new Int32Array(memory.buffer, RESULT, 3)
  /**
   * Copies `[from, to)` in a block at a time (with the two characters after each, which end its
   * last trigrams), reports the positions `scan` accepts, then hands the block to `after`.
   */
  const blocks = (
    input: string | Uint8Array,
    from: number,
    to: number,
    found: (at: number) => void,
    after?: (length: number) => void,
  ) => {
    for (let at = from; at < to; at += BLOCK) {
      const length = Math.min(BLOCK, to - at)
      const end = Math.min(input.length, at + length + 2)
      const copied =
        typeof input === 'string'
          ? block.write(input.slice(at, end), 0, 'latin1')
          : (block.set(input.subarray(at, end)), end - at)
      block.fill(0, copied, copied + 32)
      const count = scan(length)
      for (let k = 0; k < count; k++) found(at + out[k])
      after?.(length)
    }
  }
  return {
    scan: (input, from, to, found) => blocks(input, from, to, found),
    scanJson(raw, found) {
      let escapes = 0
      let flags = 0
      let skip = 0
      blocks(raw, 0, raw.length, found, (length) => {
        json(length, skip)
        escapes += result[0]
        flags |= result[1]
        skip = Math.max(0, result[2])
      })
      return { escapes, flags }
    },
  }
}
