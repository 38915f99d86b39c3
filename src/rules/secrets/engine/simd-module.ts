/**
 * The WebAssembly module of the SIMD keyword pass (simd-filter.ts), written here instruction by
 * instruction so the build needs no WebAssembly toolchain: `scan(length)` reports the positions
 * the bucket tables accept, `json(length, skip)` counts and checks the escapes of a JSON string.
 */

import { INPUT, OUTPUT, PAGES, RESULT, TABLES } from './simd-layout.js'

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

function sleb(n: number): number[] {
  const out: number[] = []
  for (;;) {
    const b = n & 0x7f
    n >>= 7
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b]
    out.push(b | 0x80)
  }
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body]
}

function name(s: string): number[] {
  return [...uleb(s.length), ...Buffer.from(s, 'latin1')]
}

const get = (i: number) => [0x20, ...uleb(i)]
const set = (i: number) => [0x21, ...uleb(i)]
const i32 = (n: number) => [0x41, ...sleb(n)]
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
const i32Load8 = (offset: number) => [0x2d, 0, ...uleb(offset)]
const I32_EQ = [0x46]
const I32_OR = [0x72]
const I8X16_EQ = simd(0x23)
const I8X16_LT_U = simd(0x26)
const V128_AND = simd(0x4e)
const V128_OR = simd(0x50)
const V128_ANY_TRUE = simd(0x53)
const I8X16_SWIZZLE = simd(0x0e)
const I8X16_SPLAT = simd(0x0f)
const I8X16_NE = simd(0x24)
const I8X16_BITMASK = simd(0x64)
const I8X16_SHR_U = simd(0x6d)
const V128_ZERO = [...simd(0x0c), ...new Array<number>(16).fill(0)]

/** local += by */
const increment = (local: number, by: number) => [
  ...get(local),
  ...i32(by),
  ...I32_ADD,
  ...set(local),
]
/** local |= bits */
const setBits = (local: number, bits: number) => [
  ...get(local),
  ...i32(bits),
  ...I32_OR,
  ...set(local),
]
/** local &= local - 1 (drops the lowest set bit) */
const clearLowestBit = (local: number) => [
  ...get(local),
  ...get(local),
  ...i32(1),
  ...I32_SUB,
  ...I32_AND,
  ...set(local),
]

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
    ...maskToLength(I, BITS),
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
    ...increment(COUNT, 1),
    ...clearLowestBit(BITS),
    ...br(0),
    ...END,
    ...END,
    ...END, // if any accepted
    ...increment(I, 16),
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

/** Keeps the bits of local `bits` (16 positions from local `i`) that lie below LENGTH. */
function maskToLength(i: number, bits: number): number[] {
  return [
    ...get(LENGTH),
    ...get(i),
    ...I32_SUB,
    ...i32(16),
    ...I32_LT_U,
    ...IF_START,
    ...get(bits),
    ...i32(1),
    ...get(LENGTH),
    ...get(i),
    ...I32_SUB,
    ...I32_SHL,
    ...i32(1),
    ...I32_SUB,
    ...I32_AND,
    ...set(bits),
    ...END,
  ]
}

// Locals of `json(length, skip)` (LENGTH, I and BITS as in `scan`).
const SKIP = 1
const J_I = 2
const J_BITS = 3
const AT = 4
const ESCAPES = 5
const FLAGS = 6
const CHAR = 7
const J_V = 8
const J_M = 9
const BACKSLASH = 10
const SPACE = 11

/**
 * `json(length, skip)`, over a block of a JSON string's raw text (between its quotes): counts
 * its escapes (a backslash at or after `skip` starts one, and the next byte belongs to it) and
 * sets flag 1 for a control byte, flag 2 for an escape other than \" \\ \b \f \n \r \t. Writes
 * the escapes, the flags and where escapes start in the next block (past its first byte when
 * 1) to RESULT.
 */
function jsonBody(): number[] {
  const lanes = (local: number) => [
    ...get(local),
    ...I8X16_BITMASK,
    ...set(J_BITS),
    ...maskToLength(J_I, J_BITS),
  ]
  const simple = [0x22, 0x5c, 0x62, 0x66, 0x6e, 0x72, 0x74].flatMap((c, k) => [
    ...get(CHAR),
    ...i32(c),
    ...I32_EQ,
    ...(k > 0 ? I32_OR : []),
  ])
  const code = [
    ...i32(0x5c),
    ...I8X16_SPLAT,
    ...set(BACKSLASH),
    ...i32(0x20),
    ...I8X16_SPLAT,
    ...set(SPACE),
    ...BLOCK_START,
    ...LOOP_START,
    ...get(J_I),
    ...get(LENGTH),
    ...I32_GE_U,
    ...brIf(1),
    ...get(J_I),
    ...v128Load(INPUT),
    ...set(J_V),
    // control bytes
    ...get(J_V),
    ...get(SPACE),
    ...I8X16_LT_U,
    ...set(J_M),
    ...get(J_M),
    ...V128_ANY_TRUE,
    ...IF_START,
    ...lanes(J_M),
    ...get(J_BITS),
    ...IF_START,
    ...setBits(FLAGS, 1),
    ...END,
    ...END,
    // backslashes, each looked at in turn
    ...get(J_V),
    ...get(BACKSLASH),
    ...I8X16_EQ,
    ...set(J_M),
    ...get(J_M),
    ...V128_ANY_TRUE,
    ...IF_START,
    ...lanes(J_M),
    ...BLOCK_START,
    ...LOOP_START,
    ...get(J_BITS),
    ...I32_EQZ,
    ...brIf(1),
    ...get(J_I),
    ...get(J_BITS),
    ...I32_CTZ,
    ...I32_ADD,
    ...set(AT),
    ...clearLowestBit(J_BITS),
    ...get(AT),
    ...get(SKIP),
    ...I32_GE_U,
    ...IF_START,
    ...increment(ESCAPES, 1),
    ...get(AT),
    ...i32(2),
    ...I32_ADD,
    ...set(SKIP),
    ...get(AT),
    ...i32Load8(INPUT + 1),
    ...set(CHAR),
    ...simple,
    ...I32_EQZ,
    ...IF_START,
    ...setBits(FLAGS, 2),
    ...END,
    ...END,
    ...br(0),
    ...END,
    ...END,
    ...END,
    ...increment(J_I, 16),
    ...br(0),
    ...END,
    ...END,
    ...i32(0),
    ...get(ESCAPES),
    ...i32Store(RESULT),
    ...i32(0),
    ...get(FLAGS),
    ...i32Store(RESULT + 4),
    ...i32(0),
    ...get(SKIP),
    ...get(LENGTH),
    ...I32_SUB,
    ...i32Store(RESULT + 8),
    ...END,
  ]
  const locals = [2, ...uleb(6), I32, ...uleb(4), V128]
  const body = [...locals, ...code]
  return [...uleb(body.length), ...body]
}

/** The module's bytes: memory, `scan` and `json`. */
export function moduleBytes(): Uint8Array {
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [2, 0x60, 1, I32, 1, I32, 0x60, 2, I32, I32, 0]), // (i32) -> i32, (i32 i32)
    ...section(3, [2, 0, 1]), // scan, json
    ...section(5, [1, 0x00, ...uleb(PAGES)]), // one memory
    ...section(7, [
      3,
      ...name('scan'),
      0x00,
      0,
      ...name('json'),
      0x00,
      1,
      ...name('memory'),
      0x02,
      0,
    ]),
    ...section(10, [2, ...scanBody(), ...jsonBody()]),
  ])
}
