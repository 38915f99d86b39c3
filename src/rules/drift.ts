import { formatSize } from '../config/units.js'
import { diffManifests, type DriftChange } from '../drift/diff.js'
import { buildManifest } from '../drift/manifest.js'
import { defineFamily } from './types.js'
import type { RawFinding } from '../findings.js'

/** Differences from the committed lockfile or a baseline artifact (the previous release). */
export const driftRules = defineFamily({
  rules: [
    {
      id: 'drift/file-added',
      category: 'drift',
      severity: 'error',
      always: true,
      description: 'A file is in the artifact but not in the lockfile or baseline.',
    },
    {
      id: 'drift/file-removed',
      category: 'drift',
      severity: 'error',
      always: true,
      description: 'A file of the lockfile or baseline is missing from the artifact.',
    },
    {
      id: 'drift/mode-changed',
      category: 'drift',
      severity: 'error',
      always: true,
      description: 'A file gained or lost its executable bit.',
    },
    {
      id: 'drift/type-changed',
      category: 'drift',
      severity: 'error',
      always: true,
      description: 'An entry changed kind (file, symlink, ...).',
    },
    {
      id: 'drift/size-changed',
      category: 'drift',
      severity: 'warning',
      always: true,
      description: 'A file changed size beyond the tolerance (`drift.size-tolerance`).',
    },
    {
      id: 'drift/content-changed',
      category: 'drift',
      severity: 'error',
      always: true,
      description:
        'A file changed content (only with `drift.compare: content`, for reproducible builds).',
    },
    {
      id: 'drift/total-size',
      category: 'drift',
      severity: 'warning',
      always: true,
      description: 'The artifact changed total size beyond `drift.total-size-tolerance`.',
    },
    {
      id: 'drift/file-count',
      category: 'drift',
      severity: 'warning',
      always: true,
      description: 'The artifact changed its number of files beyond `drift.file-count-tolerance`.',
    },
    {
      id: 'drift/baseline-missing',
      category: 'drift',
      severity: 'notice',
      always: true,
      description:
        'No baseline to compare with (a first release: the package is not published yet).',
    },
  ],
  create(ctx) {
    return {
      end(entries, { drift }) {
        if (!drift) return
        if (drift.baselineMissing !== undefined) {
          ctx.report({
            rule: 'drift/baseline-missing',
            file: '',
            message: `no baseline to compare with: ${drift.baselineMissing}`,
          })
        }
        const actual = buildManifest(entries, undefined, drift.lockfile)
        for (const { kind, label, manifest } of drift.against) {
          for (const c of diffManifests(manifest, actual, drift.settings))
            ctx.report(toFinding(c, kind === 'lockfile' ? `the lockfile ${label}` : label))
        }
      },
    }
  },
})

const pct = (before: number, after: number) =>
  before === 0
    ? ''
    : ` (${after >= before ? '+' : ''}${Math.round(((after - before) / before) * 100)}%)`

/** A drift change as a finding; `than` says what was expected ("the lockfile x", "big-cli@1.0.0"). */
/** The ids of file-level drift. */
type ChangeId = `drift/${
  | 'file-added'
  | 'file-removed'
  | 'mode-changed'
  | 'type-changed'
  | 'size-changed'
  | 'content-changed'
  | 'total-size'
  | 'file-count'}`

export function toFinding(c: DriftChange, than: string): RawFinding<ChangeId> {
  // Sizes change between runs: the kind and path are the finding's identity, not its numbers.
  const data: Record<string, number> =
    c.kind === 'added' || c.kind === 'removed'
      ? { size: c.size }
      : 'before' in c && typeof c.before === 'number'
        ? { before: c.before, after: c.after as number }
        : {}
  return { ...describeChange(c, than), key: c.kind, data }
}

function describeChange(c: DriftChange, than: string): RawFinding<ChangeId> {
  switch (c.kind) {
    case 'added':
      return {
        rule: 'drift/file-added',
        file: c.path,
        message: `${c.path} (${formatSize(c.size)}) is new: it is not in ${than}`,
      }
    case 'removed':
      return {
        rule: 'drift/file-removed',
        file: c.path,
        message: `${c.path} (${formatSize(c.size)} in ${than}) is missing`,
      }
    case 'mode':
      return {
        rule: 'drift/mode-changed',
        file: c.path,
        message: `${c.path} ${c.after === '0644' ? 'lost' : 'gained'} its executable bit (${c.before} in ${than}, ${c.after} now)`,
      }
    case 'type':
      return {
        rule: 'drift/type-changed',
        file: c.path,
        message: `${c.path} is a ${c.after} now, a ${c.before} in ${than}`,
      }
    case 'size':
      return {
        rule: 'drift/size-changed',
        file: c.path,
        message: `${c.path} is ${formatSize(c.after)}, ${formatSize(c.before)} in ${than}${pct(c.before, c.after)}`,
      }
    case 'content':
      return {
        rule: 'drift/content-changed',
        file: c.path,
        message: `${c.path} differs in content from ${than} (sha256)`,
      }
    case 'total-size':
      return {
        rule: 'drift/total-size',
        file: '',
        message: `the artifact unpacks to ${formatSize(c.after)}, ${formatSize(c.before)} in ${than}${pct(c.before, c.after)}`,
      }
    case 'file-count':
      return {
        rule: 'drift/file-count',
        file: '',
        message: `the artifact has ${c.after} files, ${c.before} in ${than}${pct(c.before, c.after)}`,
      }
  }
}
