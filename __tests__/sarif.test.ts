import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { fingerprint, type Finding } from '../src/findings.js'
import { docsUrl, RULES } from '../src/rules/registry.js'
import type { RuleMeta } from '../src/rules/types.js'
import { FINGERPRINT_KEY, SECURITY_SEVERITY, renderSarif } from '../src/report/sarif.js'
import { CASES, CATALOG, finding, report, tarball, TGZ } from './helpers/sarif-cases.js'
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
