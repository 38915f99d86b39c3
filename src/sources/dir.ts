import { lstat, readFile, readdir, readlink } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { join } from 'node:path'
import { tooLarge, Budget } from './limits.js'
import type { Entry, EntryType } from './types.js'

export interface DirOptions {
  budget: Budget
}

/**
 * Walks a folder in sorted order without following symlinks. Links, FIFOs, sockets and devices
 * are reported as entries and never opened.
 */
export async function* readDir(root: string, opts: DirOptions, rel = ''): AsyncGenerator<Entry> {
  const names = (await readdir(join(root, rel))).sort()
  for (const name of names) {
    const path = rel ? `${rel}/${name}` : name
    const entry = await readPath(root, path, opts)
    yield entry
    if (entry.type === 'directory') yield* readDir(root, opts, path)
  }
}

/** Reads one path below `root` as an entry (lstat: a link is never followed). */
export async function readPath(root: string, path: string, opts: DirOptions): Promise<Entry> {
  const full = join(root, path)
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
  entry.content = await readFile(full)
  return entry
}

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
