import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { fingerprint, type Finding, type SuppressedFinding } from '../src/findings.js'
import { RULES, docsUrl } from '../src/rules/registry.js'
import type { RuleMeta } from '../src/rules/types.js'
import { FINGERPRINT_KEY, SECURITY_SEVERITY, renderSarif } from '../src/report/sarif.js'
import type { ArtifactReport, Report } from '../src/report/types.js'
import { ROOT } from './helpers/run.js'

// Golden files: refreshed by `UPDATE_SNAPSHOT=1`, written the way prettier formats JSON so that
// `npm run format` leaves them alone; compared as text after the same formatting.
const GOLDEN = join(ROOT, '__tests__', 'golden')
// The official OASIS SARIF 2.1.0 schema (draft-07), vendored byte for byte from the npm package
// @datadog/datadog-ci@2.44.0 (dist/commands/sarif/json-schema/sarif-schema-2.1.0.json).
const SCHEMA = join(ROOT, 'schemas', 'sarif-2.1.0.json')

// ajv-formats is CommonJS: under NodeNext its default import is typed as the whole module.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => Ajv

/** The rules the golden files describe: a fixed few, so a new rule in the registry leaves them alone. */
const CATALOG: ReadonlyMap<string, RuleMeta> = new Map(
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

function finding(
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

function report(
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

const TGZ = 'dist/my-lib-1.0.0.tgz'
const tarball: ArtifactReport = { path: TGZ, format: 'tar+gzip', files: 12, bytes: 48_000 }
const folder: ArtifactReport = {
  path: './packages/web app/',
  format: 'npm-directory',
  files: 5,
  bytes: 9_000,
}

const CASES: Record<string, { report: Report; category?: string }> = {
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

type Sarif = {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; helpUri: string; properties: Props }> } }
    results: Array<{ ruleId: string; ruleIndex: number; [k: string]: unknown }>
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }>
    [k: string]: unknown
  }>
}
type Props = { tags: string[]; 'security-severity': string }

let validate: ValidateFunction
let pretty: (text: string, file: string) => Promise<string>

beforeAll(async () => {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats(ajv)
  validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')))
  const prettier = await import('prettier')
  pretty = async (text, file) =>
    prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file })
})

function schemaErrors(doc: unknown): string[] {
  return validate(doc)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}

function expectConsistentRules(sarif: Sarif): void {
  const run = sarif.runs[0]
  const ids = run.tool.driver.rules.map((r) => r.id)
  expect(new Set(ids).size).toBe(ids.length)
  for (const r of run.results) {
    expect(ids).toContain(r.ruleId)
    expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId)
  }
}

describe('golden files (UPDATE_SNAPSHOT=1 rewrites them)', () => {
  for (const [name, { report: r, category }] of Object.entries(CASES)) {
    test(`${name}.sarif`, async () => {
      const file = join(GOLDEN, `${name}.sarif`)
      const fresh = await pretty(renderSarif(r, { rules: CATALOG, category }), file)
      if (process.env.UPDATE_SNAPSHOT) await writeFile(file, fresh)
      expect(await readFile(file, 'utf8')).toBe(fresh)
    })
  }
})

describe('SARIF 2.1.0 schema', () => {
  test('every golden file validates', async () => {
    const files = (await readdir(GOLDEN)).filter((f) => f.endsWith('.sarif'))
    expect(files.sort()).toEqual(
      Object.keys(CASES)
        .map((n) => `${n}.sarif`)
        .sort(),
    )
    for (const f of files) {
      const doc = JSON.parse(await readFile(join(GOLDEN, f), 'utf8'))
      expect({ file: f, errors: schemaErrors(doc) }).toEqual({ file: f, errors: [] })
    }
  })

  test('live output with the whole registry validates', () => {
    for (const { report: r, category } of Object.values(CASES)) {
      expect(schemaErrors(JSON.parse(renderSarif(r, { category })))).toEqual([])
    }
  })

  test('the validator really rejects invalid documents', () => {
    const good = JSON.parse(renderSarif(CASES['tarball-leak'].report)) as Sarif
    expect(schemaErrors(good)).toEqual([])
    const badVersion = { ...good, version: '2.0.0' }
    const badLevel = structuredClone(good)
    badLevel.runs[0].results[0].level = 'notice'
    const noMessage = structuredClone(good)
    delete noMessage.runs[0].results[0].message
    const badUri = structuredClone(good)
    badUri.runs[0].tool.driver.rules[0].helpUri = 'not a uri'
    for (const bad of [badVersion, badLevel, noMessage, badUri])
      expect(schemaErrors(bad).length).toBeGreaterThan(0)
  })
})

describe('renderSarif', () => {
  test('is pure: pretty JSON with a trailing newline, same output twice, input untouched', () => {
    for (const { report: r } of Object.values(CASES)) {
      const before = structuredClone(r)
      const out = renderSarif(r)
      expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`)
      expect(renderSarif(r)).toBe(out)
      expect(r).toEqual(before)
    }
  })

  test('a descriptor exists for every ruleId and ruleIndex points at it', () => {
    for (const { report: r } of Object.values(CASES)) {
      expectConsistentRules(JSON.parse(renderSarif(r)))
      expectConsistentRules(JSON.parse(renderSarif(r, { rules: CATALOG })))
    }
  })

  test('every registered rule is described, with its docs link, tags and security-severity', () => {
    const sarif = JSON.parse(renderSarif(report([tarball], []))) as Sarif
    const rules = sarif.runs[0].tool.driver.rules
    expect(rules.map((r) => r.id)).toEqual([...RULES.keys()])
    for (const r of rules) {
      const meta = RULES.get(r.id) as RuleMeta
      expect(r.helpUri).toBe(docsUrl(r.id))
      const security = meta.category === 'leak' || meta.category === 'archive'
      expect(r.properties.tags).toEqual(security ? ['security', meta.category] : [meta.category])
      const sev = meta.severity === 'off' ? 'notice' : meta.severity
      expect(r.properties['security-severity']).toBe(SECURITY_SEVERITY[meta.category][sev])
    }
  })

  test('security-severity follows the severity a rule has in the run (strict makes a .git folder critical)', () => {
    const vcs = (severity: Finding['severity']) =>
      JSON.parse(
        renderSarif(
          report(
            [tarball],
            [
              finding({
                rule: 'file/vcs-folder',
                severity,
                artifact: TGZ,
                file: '.git/',
                message: '.git',
              }),
            ],
          ),
        ),
      ).runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'file/vcs-folder')
    expect(vcs('warning').properties['security-severity']).toBe('6.5')
    expect(vcs('error').properties['security-severity']).toBe('9.0')
    expect(vcs('error').defaultConfiguration).toEqual({ level: 'warning' })
  })

  test('locations: the archive plus the inner path; the real file (with a region) in a folder', () => {
    const sarif = JSON.parse(renderSarif(CASES['content-rule'].report))
    const [inTgz, inFolder, inMap] = sarif.runs[0].results
    expect(inTgz.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: TGZ, uriBaseId: '%SRCROOT%' },
    })
    expect(inTgz.locations[0].logicalLocations[0].fullyQualifiedName).toBe(`${TGZ}!/dist/index.js`)
    expect(inTgz.properties).toMatchObject({ pathInArtifact: 'dist/index.js', line: 40 })
    expect(inFolder.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'packages/web%20app/dist/app.js', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 1 },
    })
    // A line inside an embedded source is not a line of the map file: no region.
    expect(inMap.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'packages/web%20app/dist/app.js.map', uriBaseId: '%SRCROOT%' },
    })
    expect(inMap.partialFingerprints).toEqual({
      [FINGERPRINT_KEY]: fingerprint('content/codename', 'dist/app.js.map!sources[2]'),
    })
  })

  test('absolute and Windows artifact paths become file URIs', () => {
    const uri = (path: string) =>
      JSON.parse(
        renderSarif(
          report(
            [{ path, format: 'zip', files: 1, bytes: 1 }],
            [finding({ rule: 'size/total', artifact: path, file: '', message: 'big' })],
          ),
        ),
      ).runs[0].results[0].locations[0].physicalLocation.artifactLocation
    expect(uri('/tmp/out/a b.zip')).toEqual({ uri: 'file:///tmp/out/a%20b.zip' })
    expect(uri('C:\\build\\a.zip')).toEqual({ uri: 'file:///C:/build/a.zip' })
    expect(uri('.\\out\\a.zip')).toEqual({ uri: 'out/a.zip', uriBaseId: '%SRCROOT%' })
  })

  test('names from archives reach no text field with control or bidi characters', () => {
    const out = renderSarif(CASES['tarball-leak'].report)
    const texts: string[] = []
    JSON.parse(out, (_k, v) => (typeof v === 'string' && texts.push(v), v))
    // eslint-disable-next-line no-control-regex
    for (const t of texts) expect(t).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/)
    expect(out).toContain('\\\\u{1b}[31m\\\\u{202e}txt.js')
  })

  test('suppressed findings are results with an external suppression and their reason', () => {
    const results = JSON.parse(renderSarif(CASES.suppressed.report)).runs[0].results
    expect(results.map((r: { suppressions?: unknown }) => r.suppressions)).toEqual([
      undefined,
      [{ kind: 'external', justification: 'vendored map, reviewed in #123' }],
    ])
  })

  test('an unreadable artifact makes the invocation unsuccessful and is named', () => {
    const run = (JSON.parse(renderSarif(CASES.unreadable.report)) as Sarif).runs[0]
    expect(run.invocations[0].executionSuccessful).toBe(false)
    expect(JSON.stringify(run.invocations[0].toolExecutionNotifications)).toContain(
      'dist/broken-1.0.0.tgz: could not be read completely: truncated',
    )
    const ok = (JSON.parse(renderSarif(CASES.suppressed.report)) as Sarif).runs[0]
    expect(ok.invocations).toEqual([{ executionSuccessful: true }])
    expect(run.automationDetails).toBeUndefined()
    expect(
      (JSON.parse(renderSarif(CASES.unreadable.report, { category: 'a/b' })) as Sarif).runs[0]
        .automationDetails,
    ).toEqual({ id: 'a/b/' })
  })
})
