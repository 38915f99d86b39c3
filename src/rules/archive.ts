import { pathIssues } from '../sources/paths.js'
import type { RuleFamily } from './types.js'

const SPECIAL = new Set(['char-device', 'block-device', 'fifo', 'socket', 'other'])

/** Entries that are unsafe or cannot be read: reported, never followed or written. */
export const archiveRules: RuleFamily = {
  rules: [
    {
      id: 'archive/path-traversal',
      category: 'archive',
      severity: 'error',
      always: true,
      description: 'An entry name is absolute, has a drive letter, a `..` segment or backslashes.',
    },
    {
      id: 'archive/link',
      category: 'archive',
      severity: 'warning',
      description: 'A symlink or hardlink entry (never followed).',
    },
    {
      id: 'archive/special-file',
      category: 'archive',
      severity: 'error',
      always: true,
      description: 'A device, FIFO or socket entry (never opened).',
    },
    {
      id: 'archive/duplicate-entry',
      category: 'archive',
      severity: 'warning',
      description: 'The same path appears more than once; npm installs the last copy.',
    },
    {
      id: 'archive/unreadable-entry',
      category: 'archive',
      severity: 'error',
      always: true,
      description:
        'An entry cannot be decoded (encrypted, unsupported compression), so it was not checked.',
    },
    {
      id: 'archive/limit-exceeded',
      category: 'archive',
      severity: 'error',
      always: true,
      description:
        'A safety limit was hit (size, entry count, compression ratio); what lies past it was not checked.',
    },
  ],
  create({ report }) {
    const seen = new Map<string, number>()
    return {
      entry(e) {
        const issues = pathIssues(e.rawPath)
        if (issues.length > 0) {
          report({
            rule: 'archive/path-traversal',
            file: e.path,
            message: `unsafe entry name '${e.rawPath}' (${issues.map((i) => i.detail).join(', ')}); read as '${e.path}'`,
            key: e.rawPath,
          })
        }
        if (e.type === 'symlink' || e.type === 'hardlink') {
          report({
            rule: 'archive/link',
            file: e.path,
            message: `${e.path} is a ${e.type} to '${e.linkTarget ?? ''}' (not followed)`,
            key: e.linkTarget,
          })
        }
        if (SPECIAL.has(e.type)) {
          report({
            rule: 'archive/special-file',
            file: e.path,
            message: `${e.path} is a ${e.type} entry (not opened)`,
          })
        }
        if (e.unreadable) {
          report({
            rule:
              e.unreadable.kind === 'limit' ? 'archive/limit-exceeded' : 'archive/unreadable-entry',
            file: e.path,
            message: `${e.path}: ${e.unreadable.detail}; its content was not checked`,
          })
        }
        if (e.type !== 'directory') {
          const n = (seen.get(e.path) ?? 0) + 1
          seen.set(e.path, n)
          if (n === 2) {
            report({
              rule: 'archive/duplicate-entry',
              file: e.path,
              message: `${e.path} appears more than once; npm installs the last copy`,
            })
          }
        }
      },
    }
  },
}
