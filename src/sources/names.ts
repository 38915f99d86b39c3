const strict = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes a UTF-8 name keeping every byte: a byte that is not part of valid UTF-8 becomes the
 * lone surrogate U+DC00+byte (Python's `surrogateescape`), so two different raw names never
 * decode to the same string. `showBytes` later turns those into visible `\xNN`.
 */
export function decodeName(bytes: Uint8Array): { text: string; valid: boolean } {
  try {
    return { text: strict.decode(bytes), valid: true }
  } catch {
    return { text: decodeEscaped(bytes), valid: false }
  }
}

/** The bytes `decodeName` read: its inverse (an escaped byte U+DC80..U+DCFF is that byte again). */
export function encodeName(text: string): Buffer {
  const parts: Buffer[] = []
  for (const ch of text) {
    const c = ch.charCodeAt(0)
    parts.push(c >= 0xdc80 && c <= 0xdcff ? Buffer.from([c - 0xdc00]) : Buffer.from(ch))
  }
  return Buffer.concat(parts)
}

function decodeEscaped(b: Uint8Array): string {
  let out = ''
  let i = 0
  while (i < b.length) {
    const c = b[i]
    if (c < 0x80) {
      out += String.fromCharCode(c)
      i++
      continue
    }
    const n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0
    const cp = n === 0 ? -1 : sequence(b, i, n)
    if (cp < 0) {
      out += String.fromCharCode(0xdc00 + c)
      i++
    } else {
      out += String.fromCodePoint(cp)
      i += n
    }
  }
  return out
}

/** The code point of the n-byte sequence at i, or -1 when it is truncated, overlong or not a scalar. */
function sequence(b: Uint8Array, i: number, n: number): number {
  if (i + n > b.length) return -1
  let cp = b[i] & (0xff >> (n + 1))
  for (let k = 1; k < n; k++) {
    if ((b[i + k] & 0xc0) !== 0x80) return -1
    cp = (cp << 6) | (b[i + k] & 0x3f)
  }
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1
  return cp
}

/**
 * Writes escaped bytes (from `decodeName`) as `\xNN`. Apply after normalizing: a normalized path
 * never holds a backslash, so the escape cannot be confused with a real name.
 */
export function showBytes(text: string): string {
  return text.replace(/[\udc80-\udcff]/gu, (c) => `\\x${(c.charCodeAt(0) - 0xdc00).toString(16)}`)
}

/** The trait of a name that holds `::` or `##[`: escaped in every output, so less grave. */
export const MARKER = 'a workflow command marker'

// What can hide or forge a name: control characters and newlines, bidi controls, zero-width and
// other invisible format characters, and the Actions runner's command markers.
const DECEPTIVE: Array<[RegExp, string]> = [
  [/[\n\r\u2028\u2029]/, 'a line break'],
  // eslint-disable-next-line no-control-regex
  [/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/, 'a control character'],
  [/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/, 'a bidi control'],
  [
    /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]/,
    'an invisible character',
  ],
  [/::|##\[/, MARKER],
]

/** What is deceptive about a name (each trait once), or an empty list. */
export function deceptiveTraits(name: string): string[] {
  return DECEPTIVE.filter(([re]) => re.test(name)).map(([, what]) => what)
}

interface Node {
  name: string
  kids?: Map<string, Node>
}

/**
 * Finds paths that differ only in case or Unicode normalization (NFC/NFD): one file on macOS
 * and Windows. Folders count too (`Lib/a` and `lib/b`). Memory is one node per distinct path
 * segment, and each path is walked once.
 */
export class CaseTwins {
  private root = new Map<string, Node>()
  private reported = new Set<string>()
  /** The folder of the last path, walked: archives list files folder by folder. */
  private last?: Folder

  /** The first spelling seen of the shallowest part of `path` that collides, reported once. */
  add(path: string): { first: string; now: string } | undefined {
    const slash = path.lastIndexOf('/')
    const dir = slash < 0 ? '' : path.slice(0, slash)
    let found: { first: string; now: string } | undefined
    // A folder walked again would report nothing new (its twin is reported once) and add
    // nothing to the tree, so the last one is reused.
    if (this.last?.dir !== dir) {
      this.last = this.walk(dir)
      found = this.last.found
    }
    const { level, collided, spelled } = this.last
    const name = path.slice(slash + 1)
    const key = fold(name)
    const node = level.get(key)
    if (!node) level.set(key, { name })
    else if (!collided && node.name !== name && !this.reported.has(path)) {
      this.reported.add(path)
      found = { first: spelled ? `${spelled}/${node.name}` : node.name, now: path }
    }
    return found
  }

  /** Adds a folder's segments; where it ends, and the twin it met first if any. */
  private walk(dir: string): Folder {
    const segs = dir === '' ? [] : dir.split('/')
    let level = this.root
    let found: { first: string; now: string } | undefined
    let collided = false
    const spelled: string[] = []
    for (let i = 0; i < segs.length; i++) {
      const key = fold(segs[i])
      let node = level.get(key)
      if (!node) level.set(key, (node = { name: segs[i] }))
      else if (!collided && node.name !== segs[i]) {
        collided = true
        const now = segs.slice(0, i + 1).join('/')
        if (!this.reported.has(now)) {
          this.reported.add(now)
          found = { first: [...spelled, node.name].join('/'), now }
        }
      }
      spelled.push(node.name)
      level = node.kids ??= new Map()
    }
    return { dir, level, collided, found, spelled: spelled.join('/') }
  }
}

interface Folder {
  dir: string
  /** The folder's children. */
  level: Map<string, Node>
  /** Some segment of it collided: deeper twins are not reported again. */
  collided: boolean
  found?: { first: string; now: string }
  /** The folder as first spelled (the tree's spelling of each segment). */
  spelled: string
}

function fold(seg: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(seg) ? seg.toLowerCase() : seg.normalize('NFD').toLowerCase()
}

/** The name as lossy tools show it: escaped bytes become U+FFFD (no `\` that could read as a separator). */
export function lossy(text: string): string {
  return text.replace(/[\udc80-\udcff]/gu, '\ufffd')
}
