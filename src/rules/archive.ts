import { CaseTwins, deceptiveTraits, MARKER } from '../sources/names.js'
import { LinkJudge } from './archive-links.js'
import { pathIssues } from '../sources/paths.js'
import type { ReadProblem } from '../sources/read-artifact.js'
import type { Entry } from '../sources/types.js'
import { defineFamily } from './types.js'
import type { RawFinding } from '../findings.js'

const SPECIAL = new Set(['char-device', 'block-device', 'fifo', 'socket', 'other'])

/** Entries that are unsafe or cannot be read: reported, never followed or written. */
export const archiveRules = defineFamily({
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
      description: 'A symlink or hardlink entry that stays inside the package (never followed).',
    },
    {
      id: 'archive/link-escape',
      category: 'archive',
      severity: 'error',
      always: true,
      description:
        'A symlink or hardlink whose target leaves the package (absolute, or `..` past the root, also by way of other links), or an entry written through a symlink (`lib` a link, then `lib/x.js`).',
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
      severity: 'error',
      description: 'The same path appears more than once; npm installs the last copy.',
    },
    {
      id: 'archive/case-collision',
      category: 'archive',
      severity: 'error',
      description:
        'Two paths differ only in case or Unicode normalization (NFC/NFD): one file on macOS and Windows.',
    },
    {
      id: 'archive/deceptive-name',
      category: 'archive',
      severity: 'error',
      description:
        'An entry name holds line breaks, control characters (NUL included), bidi controls, invisible characters or GitHub workflow command markers.',
      judged:
        'an error when the name holds a line break, a control, bidi or invisible character; a warning when its only trait is a workflow command marker (`::`, `##[`), which every output escapes.',
    },
    {
      id: 'archive/invalid-utf8-name',
      category: 'archive',
      severity: 'error',
      description:
        'An entry name is not valid UTF-8: tools decode it differently, so distinct names can land on one file.',
    },
    {
      id: 'archive/ambiguous-name',
      category: 'archive',
      severity: 'error',
      always: true,
      description:
        "Readers see an entry under different names: a tar pax path (or GNU long name) that disagrees with the header's own name or holds a NUL, a zip Info-ZIP Unicode Path field (0x7075) that names another path than the header.",
    },
    {
      id: 'archive/trailing-data',
      category: 'archive',
      severity: 'error',
      always: true,
      description:
        'Bytes no entry accounts for: data after the tar end marker, zip data outside the central directory (hidden entries, a second zip, overlapping entries).',
    },
    {
      id: 'archive/zip-mismatch',
      category: 'archive',
      severity: 'error',
      always: true,
      description:
        "A zip entry's local header disagrees with the central directory (its name, the name its Info-ZIP Unicode Path field gives, method, sizes, encryption), or its data does not match its declared size or CRC-32.",
    },
    {
      id: 'archive/unreadable-entry',
      category: 'archive',
      severity: 'error',
      always: true,
      description:
        'An entry cannot be decoded (encrypted, unsupported compression), or is an archive packguard cannot read (xz, bzip2, 7z, rar; a zstd stream that fails its frame check), so it was not checked.',
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
    const twins = new CaseTwins()
    const links = new LinkJudge()
    return {
      end() {
        for (const f of links.end()) report(f)
      },
      entry(e) {
        for (const f of nameFindings(e, twins)) report(f)
        const through = links.entry(e)
        if (through) report(through)
        const issues = pathIssues(e.rawPath)
        if (issues.length > 0) {
          report({
            rule: 'archive/path-traversal',
            file: e.path,
            message: `unsafe entry name '${e.rawPath}' (${issues.map((i) => i.detail).join(', ')}); read as '${e.path}'`,
            key: e.rawPath,
          })
        }
        if (SPECIAL.has(e.type)) {
          report({
            rule: 'archive/special-file',
            file: e.path,
            message: `${e.path} is a ${e.type} entry (not opened)`,
          })
        }
        for (const i of e.issues ?? []) {
          report({
            rule: `archive/${i.kind}`,
            file: i.path,
            message: i.path ? `${i.path}: ${i.detail}` : i.detail,
            key: i.detail,
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
})

/** Findings about how an entry is named: hidden characters, and case or normalization twins. */
type NameId = 'archive/deceptive-name' | 'archive/case-collision'

function nameFindings(e: Entry, twins: CaseTwins): RawFinding<NameId>[] {
  const out: RawFinding<NameId>[] = []
  const traits = deceptiveTraits(e.rawPath)
  if (traits.length > 0) {
    const f: RawFinding<NameId> = {
      rule: 'archive/deceptive-name',
      file: e.path,
      message: `the entry name '${e.rawPath}' holds ${traits.join(', ')}; shown escaped`,
      key: e.rawPath,
    }
    if (traits.length === 1 && traits[0] === MARKER) {
      f.severity = 'warning'
      f.because = 'a workflow command marker only, escaped in every output'
    }
    out.push(f)
  }
  const twin = e.path ? twins.add(e.path) : undefined
  if (twin) {
    out.push({
      rule: 'archive/case-collision',
      file: e.path,
      message: `'${twin.now}' and '${twin.first}' differ only in case or Unicode normalization; on macOS and Windows they are one file and the later one wins`,
      key: twin.now,
    })
  }
  return out
}

/** What reading could not check (a limit, a nested archive that does not open), as a finding. */
export function readProblemFinding(p: ReadProblem): RawFinding<`archive/${ReadProblem['kind']}`> {
  const f: RawFinding<`archive/${ReadProblem['kind']}`> = {
    rule: `archive/${p.kind}`,
    file: p.file,
    message: p.message,
  }
  if (p.key !== undefined) f.key = p.key
  return f
}
