import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@jest/globals'
import { CONFIG_SCHEMA } from '../src/config/schema.js'
import { toJsonSchema } from '../src/config/json-schema.js'
import { withActionTables } from '../src/docs/action-doc.js'
import { withConfigReference } from '../src/docs/config-doc.js'
import { renderOsiList } from '../src/docs/osi-list.js'
import { withProviderList } from '../src/docs/providers-doc.js'
import { renderRulesDoc } from '../src/docs/rules-doc.js'
import { RULES, docsAnchor } from '../src/rules/registry.js'
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { keywordTrigrams } from '../src/rules/secrets/engine/keyword-filter.js'
import { keywordsOf } from '../src/rules/secrets/engine/scanner.js'
import { renderSimdTables } from '../src/rules/secrets/engine/simd-buckets.js'
import { ROOT } from './helpers/run.js'

const RULES_DOC = join(ROOT, 'docs', 'rules.md')

test('docs/rules.md is generated from the registry (UPDATE_SNAPSHOT=1 or npm run docs refreshes it)', async () => {
  const fresh = renderRulesDoc()
  if (process.env.UPDATE_SNAPSHOT) await writeFile(RULES_DOC, fresh)
  expect(await readFile(RULES_DOC, 'utf8')).toBe(fresh)
})

test('every rule has its own anchor in docs/rules.md', async () => {
  const doc = await readFile(RULES_DOC, 'utf8')
  for (const id of RULES.keys()) expect(doc).toContain(`<a id="${docsAnchor(id)}"></a>`)
})

test('the README inputs/outputs tables are generated from action.yml (npm run docs refreshes them)', async () => {
  const readmePath = join(ROOT, 'README.md')
  const readme = await readFile(readmePath, 'utf8')
  const fresh = withActionTables(readme, await readFile(join(ROOT, 'action.yml'), 'utf8'))
  if (process.env.UPDATE_SNAPSHOT) await writeFile(readmePath, fresh)
  expect(readme).toBe(fresh)
})

test("the README's configuration reference is generated from the config schema (npm run docs refreshes it)", async () => {
  const readmePath = join(ROOT, 'README.md')
  const readme = await readFile(readmePath, 'utf8')
  const fresh = withConfigReference(readme)
  if (process.env.UPDATE_SNAPSHOT) await writeFile(readmePath, fresh)
  expect(readme).toBe(fresh)
})

test("the README's secret provider list is generated from the detectors (npm run docs refreshes it)", async () => {
  const readmePath = join(ROOT, 'README.md')
  const readme = await readFile(readmePath, 'utf8')
  const fresh = withProviderList(readme)
  if (process.env.UPDATE_SNAPSHOT) await writeFile(readmePath, fresh)
  expect(readme).toBe(fresh)
})

test('schemas/packguard.schema.json is generated from the config schema (npm run docs refreshes it)', async () => {
  const path = join(ROOT, 'schemas', 'packguard.schema.json')
  const fresh = `${JSON.stringify(toJsonSchema(CONFIG_SCHEMA), null, 2)}\n`
  if (process.env.UPDATE_SNAPSHOT) await writeFile(path, fresh)
  expect(await readFile(path, 'utf8')).toBe(fresh)
})

test('the SIMD keyword tables are made from the detectors (npm run docs refreshes them)', async () => {
  const path = join(ROOT, 'src', 'rules', 'secrets', 'engine', 'simd-tables.ts')
  const fresh = renderSimdTables(keywordTrigrams(keywordsOf(DETECTORS)))
  if (process.env.UPDATE_SNAPSHOT) await writeFile(path, fresh)
  expect(await readFile(path, 'utf8')).toBe(fresh)
})

test('the SIMD module is assembled from simd-module.wat (npm run docs refreshes it)', async () => {
  const path = join(ROOT, 'src', 'rules', 'secrets', 'engine', 'simd-module.generated.ts')
  const r = spawnSync(process.execPath, ['scripts/assemble-wasm.mjs', '--stdout'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' })
  if (process.env.UPDATE_SNAPSHOT) await writeFile(path, r.stdout)
  expect(await readFile(path, 'utf8')).toBe(r.stdout)
})

test('the OSI-approved license ids are made from the SPDX license list (npm run docs refreshes them)', async () => {
  const path = join(ROOT, 'src', 'rules', 'licenses', 'osi.generated.ts')
  const list = join(ROOT, 'node_modules', 'spdx-license-list')
  const spdx = JSON.parse(await readFile(join(list, 'spdx.json'), 'utf8'))
  const { version } = JSON.parse(await readFile(join(list, 'package.json'), 'utf8'))
  const fresh = renderOsiList(spdx, version)
  if (process.env.UPDATE_SNAPSHOT) await writeFile(path, fresh)
  expect(await readFile(path, 'utf8')).toBe(fresh)
})
