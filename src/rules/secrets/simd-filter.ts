/**
 * The keyword pass of the secret scanner over long texts, in WebAssembly SIMD: 16 positions at
 * a time, the way Hyperscan's "Teddy" does it. Each keyword's first three characters (folded
 * as KeywordFilter folds them) go into one of 8 buckets; per character position, two 16-byte
 * tables give for the low and for the high nibble of a byte the buckets that accept it, and
 * `i8x16.swizzle` looks up 16 bytes at once. A position is reported when some bucket accepts
 * all three of its bytes. That accepts every keyword start, and some more (a bucket accepts
 * any mix of its keywords' nibbles): KeywordFilter then checks each exactly.
 *
 * The module is small and written here, instruction by instruction, so the build needs no
 * WebAssembly toolchain. Where WebAssembly or its SIMD is not there, `simdScanner` returns
 * undefined and the plain loop does all the work.
 */

import { SIMD_TABLES } from './simd-tables.js'

/** Bytes scanned per call; the text is copied into the module's memory a block at a time. */
export const BLOCK = 256 * 1024
const TABLES = 0 // 6 x 16 bytes: low and high nibble tables for character positions 0, 1, 2
const INPUT = 1024 // the block, then zero padding the vector loads may read
const OUTPUT = INPUT + BLOCK + 64 // one i32 per reported position, at most one per byte
const PAGES = Math.ceil((OUTPUT + 4 * BLOCK) / 65536)
const BUCKETS = 8

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
}

/**
 * A scanner for these folded trigrams (each `(c0 << 16) | (c1 << 8) | c2`, ascending), if the
 * runtime can run it.
 */
export function simdScanner(trigrams: readonly number[]): SimdScanner | undefined {
  const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly
  let exports: { memory: { buffer: ArrayBuffer }; scan: (length: number) => number }
  try {
    exports = new wasm!.Instance(new wasm!.Module(moduleBytes())).exports as typeof exports
  } catch {
    return undefined // no WebAssembly, no SIMD, or code generation turned off
  }
  const { memory, scan } = exports
  const bytes = new Uint8Array(memory.buffer)
  // Bucketing takes milliseconds: the detectors' own trigrams have their tables made ahead.
  const ready = trigrams.join() === SIMD_TABLES.trigrams.join()
  bytes.set(ready ? Buffer.from(SIMD_TABLES.tables, 'hex') : tables(trigrams), TABLES)
  const block = Buffer.from(memory.buffer, INPUT, BLOCK + 64)
  const out = new Int32Array(memory.buffer, OUTPUT, BLOCK)
  return {
    scan(input, from, to, found) {
      for (let at = from; at < to; at += BLOCK) {
        const length = Math.min(BLOCK, to - at)
        // Two characters past the block complete its last trigrams.
        const end = Math.min(input.length, at + length + 2)
        const copied =
          typeof input === 'string'
            ? block.write(input.slice(at, end), 0, 'latin1')
            : (block.set(input.subarray(at, end)), end - at)
        block.fill(0, copied, copied + 32)
        const count = scan(length)
        for (let k = 0; k < count; k++) found(at + out[k])
      }
    },
  }
}

/**
 * Puts the trigrams into buckets so that few other trigrams pass: those sharing their first two
 * characters stay together; each group goes first to the bucket whose pass rate (in text with
 * the character shares of SHARES) grows least, then groups move while a move lowers the sum.
 */
export function tables(trigrams: readonly number[]): Uint8Array {
  const byStart = new Map<number, number[]>()
  for (const t of trigrams) byStart.set(t >>> 8, [...(byStart.get(t >>> 8) ?? []), t])
  const groups = [...byStart.values()]
    .sort((a, b) => b.length - a.length || a[0] - b[0])
    .map((list) => ({ masks: nibbleMasks(list), bucket: -1 }))
  type Group = (typeof groups)[number]
  // Each bucket's nibble masks (the union of its groups'), kept as groups come and go.
  const masks = Array.from({ length: BUCKETS }, () => [0, 0, 0, 0, 0, 0])
  const union = (a: readonly number[], b: readonly number[]) => a.map((m, k) => m | b[k])
  const without = (g: Group) =>
    groups
      .filter((o) => o !== g && o.bucket === g.bucket)
      .reduce((m, o) => union(m, o.masks), [0, 0, 0, 0, 0, 0])
  const growth = (g: Group, base: readonly number[]) =>
    passRate(union(base, g.masks)) - passRate(base)
  /** The bucket where `g` adds least, and how much it adds there. */
  const cheapest = (g: Group) => {
    let best = 0
    let least = Infinity
    for (let b = 0; b < BUCKETS; b++) {
      const x = growth(g, b === g.bucket ? without(g) : masks[b])
      if (x < least) [best, least] = [b, x]
    }
    return { best, least }
  }
  const put = (g: Group, b: number) => {
    const from = g.bucket
    g.bucket = b
    if (from >= 0) masks[from] = without({ ...g, bucket: from })
    masks[b] = union(masks[b], g.masks)
  }
  for (const g of groups) put(g, cheapest(g).best)
  for (let moved = true, rounds = 0; moved && rounds < 20; rounds++) {
    moved = false
    for (const g of groups) {
      const { best, least } = cheapest(g)
      if (best !== g.bucket && least < growth(g, without(g)) - 1e-12) {
        put(g, best)
        moved = true
      }
    }
  }
  const out = new Uint8Array(6 * 16)
  masks.forEach((m, b) => {
    for (let k = 0; k < 6; k++)
      for (let n = 0; n < 16; n++) if (m[k] & (1 << n)) out[16 * k + n] |= 1 << b
  })
  return out
}

/** Per table (position p's low nibbles, then its high ones), the nibbles these trigrams use. */
function nibbleMasks(trigrams: readonly number[]): number[] {
  const m = [0, 0, 0, 0, 0, 0]
  for (const t of trigrams)
    for (let p = 0; p < 3; p++) {
      const c = (t >>> (16 - 8 * p)) & 0xff
      m[2 * p] |= 1 << (c & 15)
      m[2 * p + 1] |= 1 << (c >>> 4)
    }
  return m
}

/**
 * Rough share of each folded byte in source text: letters as in English, then the space; every
 * other byte alike. Only the bucketing uses it: a wrong guess costs speed, never a keyword.
 */
const SHARES = (() => {
  const shares = new Float64Array(256).fill(0.003)
  const letters = 'etaoinshrdlcumwfgypbvkjxqz'
  const percent = [
    127, 91, 82, 75, 70, 67, 63, 61, 60, 43, 40, 28, 28, 24, 24, 22, 20, 20, 19, 15, 10, 8, 2, 2, 1,
    1,
  ]
  for (let i = 0; i < letters.length; i++) shares[letters.charCodeAt(i)] = (percent[i] / 1000) * 0.7
  shares[0x20] = 0.15
  return shares
})()

/** The share of trigrams a bucket with these nibble masks passes (per position, its bytes). */
function passRate(masks: readonly number[]): number {
  let rate = 1
  for (let p = 0; p < 3; p++) {
    let share = 0
    for (let his = masks[2 * p + 1]; his !== 0; his &= his - 1)
      for (let los = masks[2 * p]; los !== 0; los &= los - 1)
        share += SHARES[16 * lowestBit(his) + lowestBit(los)]
    rate *= share
  }
  return rate
}

function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x)
}

// WebAssembly binary encoding: just what this one function needs.
const I32 = 0x7f
const V128 = 0x7b

function uleb(n: number): number[] {
  const out: number[] = []
  do {
    let b = n & 0x7f
    n >>>= 7
    if (n !== 0) b |= 0x80
    out.push(b)
  } while (n !== 0)
  return out
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body]
}

function name(s: string): number[] {
  return [...uleb(s.length), ...Buffer.from(s, 'latin1')]
}

const get = (i: number) => [0x20, ...uleb(i)]
const set = (i: number) => [0x21, ...uleb(i)]
const i32 = (n: number) => [0x41, ...uleb(n)] // small non-negative constants only (< 64)
const simd = (op: number) => [0xfd, ...uleb(op)]
const v128Load = (offset: number) => [...simd(0x00), 0, ...uleb(offset)]
const BLOCK_START = [0x02, 0x40]
const LOOP_START = [0x03, 0x40]
const IF_START = [0x04, 0x40]
const END = [0x0b]
const br = (depth: number) => [0x0c, ...uleb(depth)]
const brIf = (depth: number) => [0x0d, ...uleb(depth)]
const [I32_EQZ, I32_LT_U, I32_GE_U, I32_CTZ, I32_ADD, I32_SUB, I32_AND, I32_SHL] = [
  [0x45],
  [0x49],
  [0x4f],
  [0x68],
  [0x6a],
  [0x6b],
  [0x71],
  [0x74],
]
const i32Store = (offset: number) => [0x36, 2, ...uleb(offset)]
const V128_AND = simd(0x4e)
const V128_OR = simd(0x50)
const V128_ANY_TRUE = simd(0x53)
const I8X16_SWIZZLE = simd(0x0e)
const I8X16_SPLAT = simd(0x0f)
const I8X16_NE = simd(0x24)
const I8X16_BITMASK = simd(0x64)
const I8X16_SHR_U = simd(0x6d)
const V128_ZERO = [...simd(0x0c), ...new Array<number>(16).fill(0)]

// Locals of `scan(length) -> count`.
const LENGTH = 0
const I = 1
const COUNT = 2
const BITS = 3
const V = 4
const M = 5
const NIBBLE = 6
const FOLD = 7
const TABLE = 8 // 8..13: position p's low-nibble table is TABLE + 2p, its high-nibble one + 1

/** `scan(length)`: writes the accepted positions below `length` to OUTPUT, returns how many. */
function scanBody(): number[] {
  const lookup: number[] = []
  for (let p = 0; p < 3; p++) {
    lookup.push(
      ...get(I),
      ...v128Load(INPUT + p),
      ...get(FOLD),
      ...V128_OR,
      ...set(V),
      ...get(TABLE + 2 * p),
      ...get(V),
      ...get(NIBBLE),
      ...V128_AND,
      ...I8X16_SWIZZLE,
      ...get(TABLE + 2 * p + 1),
      ...get(V),
      ...i32(4),
      ...I8X16_SHR_U,
      ...I8X16_SWIZZLE,
      ...V128_AND,
      ...(p > 0 ? [...get(M), ...V128_AND] : []),
      ...set(M),
    )
  }
  const tables: number[] = []
  for (let k = 0; k < 6; k++)
    tables.push(...i32(0), ...v128Load(TABLES + 16 * k), ...set(TABLE + k))
  const code = [
    ...i32(15),
    ...I8X16_SPLAT,
    ...set(NIBBLE),
    ...i32(32),
    ...I8X16_SPLAT,
    ...set(FOLD),
    ...tables,
    ...BLOCK_START,
    ...LOOP_START,
    ...get(I),
    ...get(LENGTH),
    ...I32_GE_U,
    ...brIf(1),
    ...lookup,
    ...get(M),
    ...V128_ANY_TRUE,
    ...IF_START,
    // bits = one bit per accepted position of these 16
    ...get(M),
    ...V128_ZERO,
    ...I8X16_NE,
    ...I8X16_BITMASK,
    ...set(BITS),
    // past the end of the block: positions from `length` on are dropped
    ...get(LENGTH),
    ...get(I),
    ...I32_SUB,
    ...i32(16),
    ...I32_LT_U,
    ...IF_START,
    ...get(BITS),
    ...i32(1),
    ...get(LENGTH),
    ...get(I),
    ...I32_SUB,
    ...I32_SHL,
    ...i32(1),
    ...I32_SUB,
    ...I32_AND,
    ...set(BITS),
    ...END,
    ...BLOCK_START,
    ...LOOP_START,
    ...get(BITS),
    ...I32_EQZ,
    ...brIf(1),
    ...get(COUNT),
    ...i32(2),
    ...I32_SHL,
    ...get(I),
    ...get(BITS),
    ...I32_CTZ,
    ...I32_ADD,
    ...i32Store(OUTPUT),
    ...get(COUNT),
    ...i32(1),
    ...I32_ADD,
    ...set(COUNT),
    ...get(BITS),
    ...get(BITS),
    ...i32(1),
    ...I32_SUB,
    ...I32_AND,
    ...set(BITS),
    ...br(0),
    ...END,
    ...END,
    ...END, // if any accepted
    ...get(I),
    ...i32(16),
    ...I32_ADD,
    ...set(I),
    ...br(0),
    ...END,
    ...END,
    ...get(COUNT),
    ...END,
  ]
  const locals = [2, ...uleb(3), I32, ...uleb(10), V128]
  const body = [...locals, ...code]
  return [...uleb(body.length), ...body]
}

function moduleBytes(): Uint8Array {
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 1, I32, 1, I32]), // type 0: (i32) -> i32
    ...section(3, [1, 0]), // function 0 has type 0
    ...section(5, [1, 0x00, ...uleb(PAGES)]), // one memory
    ...section(7, [2, ...name('scan'), 0x00, 0, ...name('memory'), 0x02, 0]),
    ...section(10, [1, ...scanBody()]),
  ])
}

/** The text of simd-tables.ts for these trigrams (`npm run docs` writes it; a test compares). */
export function renderSimdTables(trigrams: readonly number[]): string {
  return [
    "// Generated by `npm run docs` from the secret detectors' keywords: the buckets of the SIMD",
    '// keyword pass (simd-filter.ts), made ahead because making them takes milliseconds. A test',
    '// fails when this file is out of date.',
    'export const SIMD_TABLES = {',
    `  trigrams: [${trigrams.join(', ')}],`,
    `  tables: '${Buffer.from(tables(trigrams)).toString('hex')}',`,
    '}',
    '',
  ].join('\n')
}
