import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  type Stats,
} from 'node:fs'
import { join, sep } from 'node:path'
import { STREAM_ABOVE } from './body.js'
import { tooLarge, Budget } from './limits.js'
import { decodeName, lossy, showBytes } from './names.js'
import type { Entry, EntryType } from './types.js'

export interface DirOptions {
  budget: Budget
}

/**
 * Walks a folder in sorted order without following symlinks. Links, FIFOs, sockets and devices
 * are reported as entries and never opened. Names are read as bytes: one that is not valid
 * UTF-8 is still found (and reported), shown with `\xNN` for its bad bytes. The tree is listed
 * first (names and types only), then read file by file with synchronous calls: each async call
 * is a thread-pool round trip, which made reading 26,000 small files four times slower.
 */
export async function* readDir(root: string, opts: DirOptions): AsyncGenerator<Entry> {
  const items: Item[] = []
  list(root, items, opts.budget.limits.maxEntries + 1)
  for (const it of items) {
    const entry = await readPath(root, it.path, opts, it.raw)
    entry.rawPath = it.rawPath
    if (!it.valid) {
      entry.issues = [
        {
          kind: 'invalid-utf8-name',
          path: it.path,
          detail: 'its name is not valid UTF-8 (bad bytes shown as \\xNN)',
        },
      ]
    }
    yield entry
  }
}

interface Item {
  path: string
  /** The relative path as bytes, when some name on it is not valid UTF-8. */
  raw?: Buffer
  rawPath: string
  valid: boolean
}

/** Lists the tree depth-first in sorted order (a folder, then what it holds), up to `max` items. */
function list(
  root: string,
  out: Item[],
  max: number,
  rel = '',
  relBytes?: Buffer,
  relRaw = rel,
): void {
  const dir = relBytes ? fsPath(root, relBytes) : join(root, rel)
  const names = readdirSync(dir, { encoding: 'buffer', withFileTypes: true })
    .map((d) => ({
      bytes: d.name as unknown as Buffer,
      dir: d.isDirectory(),
      ...decodeName(d.name as unknown as Buffer),
    }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
  for (const { bytes, text, valid, dir: isDir } of names) {
    if (out.length >= max) return
    const path = rel ? `${rel}/${showBytes(text)}` : showBytes(text)
    const raw = relBytes || !valid ? concatPath(relBytes ?? Buffer.from(rel), bytes) : undefined
    const rawPath = relRaw ? `${relRaw}/${lossy(text)}` : lossy(text)
    out.push({ path, raw, rawPath, valid })
    if (isDir) list(root, out, max, path, raw, rawPath)
  }
}

const concatPath = (dir: Buffer, name: Buffer) =>
  dir.length ? Buffer.concat([dir, Buffer.from('/'), name]) : name

const fsPath = (root: string, rel: Buffer) => Buffer.concat([Buffer.from(`${root}${sep}`), rel])

/**
 * Reads one path below `root` as an entry (lstat: a link is never followed). `bytes` is the
 * relative path as raw bytes, when its name is not valid UTF-8.
 */
export async function readPath(
  root: string,
  path: string,
  opts: DirOptions,
  bytes?: Buffer,
): Promise<Entry> {
  const full = bytes ? fsPath(root, bytes) : join(root, path)
  const st = lstatSync(full)
  opts.budget.addEntry(path)
  const entry: Entry = {
    path,
    rawPath: path,
    type: typeOf(st),
    mode: st.mode & 0o7777,
    size: st.size,
  }
  if (entry.type === 'symlink') entry.linkTarget = readlinkSync(full)
  if (entry.type !== 'file') {
    if (entry.type === 'directory') entry.size = 0
    return entry
  }
  if (!opts.budget.entryFits(st.size)) {
    entry.unreadable = tooLarge(opts.budget)
    return entry
  }
  opts.budget.addBytes(st.size, path)
  if (st.size > STREAM_ABOVE) {
    entry.body = streamRegular(full, st, entry)
    return entry
  }
  const content = readRegular(full, st)
  if (typeof content === 'string') entry.unreadable = { kind: 'corrupt', detail: content }
  else entry.content = content
  return entry
}

// O_NOFOLLOW: a file swapped for a link after lstat is not followed. O_NONBLOCK: one swapped for
// a FIFO does not hang the open. Both are 0 where the platform lacks them (Windows).
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/**
 * Reads exactly the regular file lstat saw, and never more than the size it had then: a file
 * replaced by a link, FIFO or device between lstat and open is not read (the reason is returned).
 */
function readRegular(full: string | Buffer, seen: Stats): Buffer | string {
  const fd = openSeen(full, seen)
  if (typeof fd === 'string') return fd
  try {
    const buf = Buffer.allocUnsafe(seen.size)
    let got = 0
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got)
      if (n === 0) break
      got += n
    }
    return got === buf.length ? buf : buf.subarray(0, got)
  } finally {
    closeSync(fd)
  }
}

/** The file lstat saw, opened without following links, or why it cannot be. */
function openSeen(full: string | Buffer, seen: Stats): number | string {
  let fd
  try {
    fd = openSync(full, FLAGS)
  } catch (err) {
    return `could not be opened safely (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); not read`
  }
  const st = fstatSync(fd)
  if (!st.isFile() || st.ino !== seen.ino || st.dev !== seen.dev) {
    closeSync(fd)
    return 'changed into something else while being read; not read'
  }
  return fd
}

/**
 * A large file's bytes in fresh 1 MiB pieces, never more than the size lstat saw; a file that
 * cannot be opened safely is marked unreadable on its entry and yields nothing.
 */
async function* streamRegular(full: string | Buffer, seen: Stats, entry: Entry) {
  const fd = openSeen(full, seen)
  if (typeof fd === 'string') {
    entry.unreadable = { kind: 'corrupt', detail: fd }
    return
  }
  try {
    for (let pos = 0; pos < seen.size;) {
      const buf = Buffer.allocUnsafe(Math.min(PIECE, seen.size - pos))
      const n = readSync(fd, buf, 0, buf.length, pos)
      if (n === 0) break
      pos += n
      yield n === buf.length ? buf : buf.subarray(0, n)
    }
  } finally {
    closeSync(fd)
  }
}

/** Pieces of a streamed file: small enough that allocating them stays cheap. */
const PIECE = 64 * 1024

function typeOf(st: Stats): EntryType {
  if (st.isFile()) return 'file'
  if (st.isDirectory()) return 'directory'
  if (st.isSymbolicLink()) return 'symlink'
  if (st.isFIFO()) return 'fifo'
  if (st.isCharacterDevice()) return 'char-device'
  if (st.isBlockDevice()) return 'block-device'
  if (st.isSocket()) return 'socket'
  return 'other'
}
