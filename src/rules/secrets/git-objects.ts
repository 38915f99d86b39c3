import { inflateSync } from 'node:zlib'

const LOOSE = /(^|\/)\.git\/objects\/[0-9a-f]{2}\/[0-9a-f]{38}$/
const PACK = /(^|\/)\.git\/objects\/pack\/[^/]+\.pack$/
const OFS_DELTA = 6
const REF_DELTA = 7

/** What a shipped `.git/` object file holds once inflated, with where to attribute it. */
export interface GitObject {
  file: string
  bytes: Buffer
}

/**
 * The inflated objects of a `.git/` object file (a loose object, or each object of a pack; a
 * delta's inflated instructions hold its inserted text), or undefined when the path is none.
 * `room` is how many inflated bytes may still be made (the safety limits): inflating stops at
 * it, so a bomb of a pack costs no more than a large file.
 */
export function gitObjects(path: string, content: Buffer, room: number): GitObject[] | undefined {
  if (!path.includes('.git/objects/')) return undefined
  if (LOOSE.test(path)) {
    const bytes = inflate(content, room)
    return bytes ? [{ file: path, bytes: bytes.buffer }] : []
  }
  if (!PACK.test(path) || content.toString('latin1', 0, 4) !== 'PACK') return undefined
  const out: GitObject[] = []
  const count = content.length >= 12 ? content.readUInt32BE(8) : 0
  let at = 12
  let left = room
  for (let i = 0; i < count && at < content.length && left > 0; i++) {
    let c = content[at++]
    const type = (c >> 4) & 7
    while (c & 0x80 && at < content.length) c = content[at++]
    if (type === OFS_DELTA) {
      do c = content[at++]
      while (c & 0x80 && at < content.length)
    } else if (type === REF_DELTA) at += 20
    const got = inflate(content.subarray(at), left)
    if (!got) break
    out.push({ file: `${path}!object[${i}]`, bytes: got.buffer })
    left -= got.buffer.length
    at += got.consumed
  }
  return out
}

/** One zlib stream at the start of `data`, at most `max` bytes out; undefined when damaged or too big. */
function inflate(data: Buffer, max: number): { buffer: Buffer; consumed: number } | undefined {
  try {
    const r = inflateSync(data, { info: true, maxOutputLength: Math.max(1, max) }) as unknown as {
      buffer: Buffer
      engine: { bytesWritten: number }
    }
    return { buffer: r.buffer, consumed: r.engine.bytesWritten }
  } catch {
    return undefined
  }
}
