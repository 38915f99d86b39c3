/**
 * The memory of the SIMD keyword pass's WebAssembly module, written once for both sides of it:
 * simd-module.wat names these as `{INPUT}`, `{RESULT + 4}`, ... (scripts/assemble-wasm.mjs
 * fills the numbers in), and simd-filter.ts copies the tables and each block in and reads what
 * the module found out at the same places.
 */

/** Bytes scanned per call; the text is copied into the module's memory a block at a time. */
export const BLOCK = 256 * 1024
/** Where the bucket tables go in the module's memory: 6 x 16 bytes (see simd-buckets.ts). */
export const TABLES = 0
/** Where `json` writes what it found: escapes, flags, where the next block's escapes start. */
export const RESULT = 96
/** The block, then zero padding the vector loads may read. */
export const INPUT = 1024
/** One i32 per reported position, at most one per byte. */
export const OUTPUT = INPUT + BLOCK + 64
/** The module's memory, in 64 KiB pages: everything up to the end of OUTPUT. */
export const PAGES = Math.ceil((OUTPUT + 4 * BLOCK) / 65536)
