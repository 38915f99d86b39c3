// The reports the SARIF golden files are made from: a fixed catalogue of rules and the cases.
import { fingerprint, type Finding, type SuppressedFinding } from '../../src/findings.js'
import { RULES } from '../../src/rules/registry.js'
import type { RuleMeta } from '../../src/rules/types.js'
import type { ArtifactReport, Report } from '../../src/report/types.js'

/** The rules the golden files describe: a fixed few, so a new rule in the registry leaves them alone. */
export const CATALOG: ReadonlyMap<string, RuleMeta> = new Map(
  [
    'archive/path-traversal',
    'file/cruft',
    'file/sensitive-env',
    'sourcemap/external-url',
    'sourcemap/sources-content',
    'size/total',
  ].map((id) => {
    const meta = RULES.get(id)
    if (!meta) throw new Error(`no rule ${id} in the registry`)
    return [id, meta]
  }),
)

export function finding(
  over: Partial<Finding> & Pick<Finding, 'rule' | 'artifact' | 'file' | 'message'>,
): Finding {
  const meta = RULES.get(over.rule)
  return {
    category: meta?.category ?? 'leak',
    severity: meta && meta.severity !== 'off' ? meta.severity : 'error',
    fingerprint: fingerprint(over.rule, over.file),
    ...over,
  }
}

export function report(
  artifacts: ArtifactReport[],
  findings: Finding[],
  suppressed: SuppressedFinding[] = [],
): Report {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length
  return {
    schemaVersion: 1,
    tool: { name: 'packguard', version: '0.1.0' },
    result: artifacts.some((a) => a.error) || count('error') ? 'fail' : 'pass',
    failOn: 'error',
    artifacts,
    findings,
    suppressed,
    counts: { error: count('error'), warning: count('warning'), notice: count('notice') },
  }
}

export const TGZ = 'dist/my-lib-1.0.0.tgz'
export const tarball: ArtifactReport = { path: TGZ, format: 'tar+gzip', files: 12, bytes: 48_000 }
export const folder: ArtifactReport = {
  path: './packages/web app/',
  format: 'npm-directory',
  files: 5,
  bytes: 9_000,
}

export const CASES: Record<string, { report: Report; category?: string }> = {
  'tarball-leak': {
    report: report(
      [tarball],
      [
        finding({
          rule: 'sourcemap/sources-content',
          artifact: TGZ,
          file: 'dist/cli.js.map',
          message: 'dist/cli.js.map embeds 3 original source files (12 KB) from ../src/',
        }),
        finding({
          rule: 'file/sensitive-env',
          artifact: TGZ,
          file: 'vendor/inner.tgz!/config/.env',
          message: 'vendor/inner.tgz!/config/.env: an environment file ships',
        }),
        finding({
          rule: 'archive/path-traversal',
          artifact: TGZ,
          // A hostile entry name: an escape sequence and a right-to-left override.
          file: 'evil\u001b[31m\u202etxt.js',
          message: "unsafe entry name '../evil\u001b[31m\u202etxt.js' (a .. segment)",
        }),
        finding({
          rule: 'size/total',
          severity: 'warning',
          artifact: TGZ,
          file: '',
          message: `${TGZ} unpacks to 48 KB, over limits.max-total-size (40 KB)`,
        }),
      ],
    ),
  },
  'directory-line': {
    report: report(
      [folder],
      [
        finding({
          rule: 'sourcemap/external-url',
          artifact: folder.path,
          file: 'dist/app.js',
          line: 3,
          column: 5,
          message: 'dist/app.js: sourceMappingURL points to https://cdn.example.com/app.js.map',
        }),
        finding({
          rule: 'file/cruft',
          artifact: folder.path,
          file: 'assets/#1 .DS_Store',
          message: 'assets/#1 .DS_Store: macOS folder metadata',
        }),
      ],
    ),
  },
  suppressed: {
    report: report(
      [tarball],
      [
        finding({
          rule: 'file/cruft',
          artifact: TGZ,
          file: 'coverage/lcov.info',
          message: 'coverage/lcov.info: a coverage report',
        }),
      ],
      [
        {
          ...finding({
            rule: 'sourcemap/sources-content',
            artifact: TGZ,
            file: 'dist/vendor.js.map',
            message: 'dist/vendor.js.map embeds 1 original source file (2 KB) from node_modules',
          }),
          reason: 'vendored map, reviewed in #123',
        },
      ],
    ),
  },
  'content-rule': {
    report: report(
      [tarball, folder],
      [
        finding({
          rule: 'content/codename',
          artifact: TGZ,
          file: 'dist/index.js',
          line: 40,
          column: 12,
          message: "dist/index.js: matches content rule 'codename' (twice; first at line 40)",
        }),
        finding({
          rule: 'content/internal-hosts',
          severity: 'warning',
          artifact: folder.path,
          file: 'dist/app.js',
          line: 7,
          column: 1,
          message: 'dist/app.js: internal hostname (once; first at line 7)',
        }),
        finding({
          rule: 'content/codename',
          artifact: folder.path,
          file: 'dist/app.js.map!sources[2]',
          line: 9,
          column: 3,
          message: "dist/app.js.map!sources[2]: matches content rule 'codename' (once)",
        }),
      ],
      [
        {
          ...finding({
            rule: 'content/codename',
            artifact: TGZ,
            file: 'CHANGELOG.md',
            line: 1,
            message: "CHANGELOG.md: matches content rule 'codename' (once; first at line 1)",
          }),
          reason: 'the changelog may name it',
        },
      ],
    ),
  },
  unreadable: {
    category: 'packguard/release',
    report: report(
      [
        tarball,
        {
          path: 'dist/broken-1.0.0.tgz',
          format: 'tar+gzip',
          files: 2,
          bytes: 100,
          error: 'truncated: the archive ends without its end-of-archive marker',
        },
      ],
      [],
    ),
  },
}
