/** Size of one top-level folder (or `(root)` for files at the top) of an artifact. */
export interface FolderSize {
  folder: string
  files: number
  bytes: number
}

/** Sizes by top-level folder, largest first: where an artifact's weight is. */
export function sizeBreakdown(
  files: ReadonlyArray<{ path: string; size: number; type?: string }>,
): FolderSize[] {
  const by = new Map<string, FolderSize>()
  for (const f of files) {
    if (f.type !== undefined && f.type !== 'file') continue
    const slash = f.path.indexOf('/')
    const folder = slash < 0 ? '(root)' : `${f.path.slice(0, slash)}/`
    const s = by.get(folder) ?? { folder, files: 0, bytes: 0 }
    s.files++
    s.bytes += f.size
    by.set(folder, s)
  }
  return [...by.values()].sort((a, b) => b.bytes - a.bytes || (a.folder < b.folder ? -1 : 1))
}
