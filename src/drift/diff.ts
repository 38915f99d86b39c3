import type { Manifest, ManifestFile } from './manifest.js'

/** How big a change must be to count: it must exceed every bound given (bytes or files). */
export interface Tolerance {
  percent?: number
  absolute?: number
}

export interface DriftSettings {
  /** Compare sha256 of every file (reproducible builds). */
  content: boolean
  fileTolerance: Tolerance
  totalTolerance: Tolerance
  countTolerance: Tolerance
}

/** One difference between the expected and the actual file set. */
export type DriftChange =
  | { kind: 'added'; path: string; size: number }
  | { kind: 'removed'; path: string; size: number }
  | { kind: 'mode'; path: string; before: string; after: string }
  | { kind: 'size'; path: string; before: number; after: number }
  | { kind: 'content'; path: string }
  | { kind: 'type'; path: string; before: string; after: string }
  | { kind: 'total-size'; before: number; after: number }
  | { kind: 'file-count'; before: number; after: number }

export function beyond(before: number, after: number, t: Tolerance): boolean {
  const delta = Math.abs(after - before)
  if (delta === 0) return false
  const pct = before === 0 ? Infinity : (delta / before) * 100
  return (
    (t.percent === undefined || pct > t.percent) && (t.absolute === undefined || delta > t.absolute)
  )
}

/** Every difference from `expected` to `actual`, in path order. */
export function diffManifests(
  expected: Manifest,
  actual: Manifest,
  s: DriftSettings,
): DriftChange[] {
  const before = new Map(expected.files.map((f) => [f.path, f]))
  const after = new Map(actual.files.map((f) => [f.path, f]))
  const out: DriftChange[] = []
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(path)
    const a = after.get(path)
    if (!b) out.push({ kind: 'added', path, size: (a as ManifestFile).size })
    else if (!a) out.push({ kind: 'removed', path, size: b.size })
    else out.push(...fileChanges(b, a, s))
  }
  if (beyond(expected.totals.bytes, actual.totals.bytes, s.totalTolerance)) {
    out.push({ kind: 'total-size', before: expected.totals.bytes, after: actual.totals.bytes })
  }
  if (beyond(expected.totals.files, actual.totals.files, s.countTolerance)) {
    out.push({ kind: 'file-count', before: expected.totals.files, after: actual.totals.files })
  }
  return out
}

function fileChanges(b: ManifestFile, a: ManifestFile, s: DriftSettings): DriftChange[] {
  const out: DriftChange[] = []
  const path = a.path
  if ((b.type ?? 'file') !== (a.type ?? 'file'))
    out.push({ kind: 'type', path, before: b.type ?? 'file', after: a.type ?? 'file' })
  if (b.mode !== a.mode) out.push({ kind: 'mode', path, before: b.mode, after: a.mode })
  if (beyond(b.size, a.size, s.fileTolerance))
    out.push({ kind: 'size', path, before: b.size, after: a.size })
  if (s.content && b.sha256 && a.sha256 && b.sha256 !== a.sha256)
    out.push({ kind: 'content', path })
  return out
}
