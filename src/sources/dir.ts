import { constants, type Stats } from 'node:fs'
import { lstat, open, readdir, readlink, type FileHandle } from 'node:fs/promises'
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
 * UTF-8 is still found (and reported), shown with `\xNN` for its bad bytes.
 */
export async function* readDir(
  root: string,
  opts: DirOptions,
  rel = '',
  relBytes?: Buffer,
  relRaw = rel,
): AsyncGenerator<Entry> {
  const dir = relBytes ? fsPath(root, relBytes) : join(root, rel)
  const names = (await readdir(dir, { encoding: 'buffer' }))
    .map((bytes) => ({ bytes, ...decodeName(bytes) }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
  for (const { bytes, text, valid } of names) {
    const path = rel ? `${rel}/${showBytes(text)}` : showBytes(text)
    const raw = relBytes || !valid ? concatPath(relBytes ?? Buffer.from(rel), bytes) : undefined
    const entry = await readPath(root, path, opts, raw)
    const rawPath = relRaw ? `${relRaw}/${lossy(text)}` : lossy(text)
    entry.rawPath = rawPath
    if (!valid) {
      entry.issues = [
        {
          kind: 'invalid-utf8-name',
          path,
          detail: 'its name is not valid UTF-8 (bad bytes shown as \\xNN)',
        },
      ]
    }
    yield entry
    if (entry.type === 'directory') yield* readDir(root, opts, path, raw, rawPath)
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
  const st = await lstat(full)
  opts.budget.addEntry(path)
  const entry: Entry = {
    path,
    rawPath: path,
    type: typeOf(st),
    mode: st.mode & 0o7777,
    size: st.size,
  }
  if (entry.type === 'symlink') entry.linkTarget = await readlink(full)
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
  const content = await readRegular(full, st)
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
async function readRegular(full: string | Buffer, seen: Stats): Promise<Buffer | string> {
  const fh = await openSeen(full, seen)
  if (typeof fh === 'string') return fh
  try {
    const buf = Buffer.alloc(seen.size)
    let got = 0
    while (got < buf.length) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got)
      if (bytesRead === 0) break
      got += bytesRead
    }
    return got === buf.length ? buf : buf.subarray(0, got)
  } finally {
    await fh.close()
  }
}

/** The file lstat saw, opened without following links, or why it cannot be. */
async function openSeen(full: string | Buffer, seen: Stats): Promise<FileHandle | string> {
  let fh
  try {
    fh = await open(full, FLAGS)
  } catch (err) {
    return `could not be opened safely (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); not read`
  }
  const st = await fh.stat()
  if (!st.isFile() || st.ino !== seen.ino || st.dev !== seen.dev) {
    await fh.close()
    return 'changed into something else while being read; not read'
  }
  return fh
}

/**
 * A large file's bytes in fresh 1 MiB pieces, never more than the size lstat saw; a file that
 * cannot be opened safely is marked unreadable on its entry and yields nothing.
 */
async function* streamRegular(full: string | Buffer, seen: Stats, entry: Entry) {
  const fh = await openSeen(full, seen)
  if (typeof fh === 'string') {
    entry.unreadable = { kind: 'corrupt', detail: fh }
    return
  }
  try {
    for (let pos = 0; pos < seen.size;) {
      const buf = Buffer.allocUnsafe(Math.min(PIECE, seen.size - pos))
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos)
      if (bytesRead === 0) break
      pos += bytesRead
      yield bytesRead === buf.length ? buf : buf.subarray(0, bytesRead)
    }
  } finally {
    await fh.close()
  }
}

const PIECE = 1024 * 1024

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
