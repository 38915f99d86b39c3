/** What is unsafe about an entry name, if anything: these names are reported, never used. */
export interface PathIssue {
  kind: 'absolute' | 'drive-letter' | 'parent-segment' | 'backslash'
  detail: string
}

/** Lists every unsafe trait of a raw entry name (absolute, drive letter, `..`, backslash). */
export function pathIssues(raw: string): PathIssue[] {
  const issues: PathIssue[] = []
  if (raw.startsWith('/') || raw.startsWith('\\')) {
    issues.push({ kind: 'absolute', detail: 'absolute path' })
  }
  if (/^[a-zA-Z]:/.test(raw)) issues.push({ kind: 'drive-letter', detail: 'drive letter' })
  if (raw.includes('\\')) issues.push({ kind: 'backslash', detail: 'backslash separator' })
  if (/(?:^|[\\/])\.\.(?:[\\/]|$)/.test(raw)) {
    issues.push({ kind: 'parent-segment', detail: "'..' segment" })
  }
  return issues
}

/**
 * The path a name would have inside the package root: backslashes become `/`, a drive letter
 * and leading slashes go, `.` and `..` segments are resolved without ever leaving the root.
 */
export function normalizeEntryPath(raw: string): string {
  const parts: string[] = []
  for (const seg of raw.replace(/^[a-zA-Z]:/, '').split(/[\\/]+/)) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return parts.join('/')
}

/** Drops `top/` from the front of a normalized path when it is there. */
export function stripTop(path: string, top: string | undefined): string {
  if (!top) return path
  if (path === top) return ''
  return path.startsWith(`${top}/`) ? path.slice(top.length + 1) : path
}
