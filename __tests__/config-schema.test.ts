import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { Ajv, type ValidateFunction } from 'ajv'
import { parse } from 'yaml'
import { parseConfig } from '../src/config/parse.js'
import { CONFIG_SCHEMA } from '../src/config/schema.js'
import type { Spec } from '../src/config/spec.js'
import { validate } from '../src/config/validate.js'
import { keys } from '../src/docs/config-doc.js'
import { exampleOf } from '../src/docs/config-example.js'
import { ROOT } from './helpers/run.js'

// The published JSON Schema and the runtime validator are two readings of one schema: editors
// must accept exactly the files packguard accepts. Checks that need code (RE2 patterns, known
// rule ids, `pattern` or `strings`) are the loader's alone, so documents here avoid them.

let jsonSchema: ValidateFunction
beforeAll(async () => {
  const text = await readFile(join(ROOT, 'schemas', 'packguard.schema.json'), 'utf8')
  jsonSchema = new Ajv({ strict: true, allErrors: true }).compile(JSON.parse(text))
})

const runtimeAccepts = (doc: unknown, spec: Spec = CONFIG_SCHEMA): boolean => {
  try {
    validate(doc, spec, 'x.yml')
    return true
  } catch {
    return false
  }
}

/** The YAML block of the README's generated configuration reference. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  const region = readme.slice(readme.indexOf('<!-- config-reference:start'))
  const m = /```yaml\n([\s\S]*?)```/.exec(region)
  if (!m) throw new Error('README.md: no example in the configuration reference')
  return m[1]
}

describe('the published JSON Schema', () => {
  test('accepts examples/packguard.yml and the README example, as packguard does', async () => {
    const files = {
      'examples/packguard.yml': await readFile(join(ROOT, 'examples', 'packguard.yml'), 'utf8'),
      'README.md': await readmeExample(),
    }
    for (const [name, text] of Object.entries(files)) {
      expect([name, jsonSchema(parse(text)), jsonSchema.errors]).toEqual([name, true, null])
      expect(() => parseConfig(text, name)).not.toThrow()
    }
  })

  test.each([
    ['an unknown key', 'unknown: 1'],
    ['a misspelt nested key', 'limits: {max-total: 5MB}'],
    ['a preset that does not exist', 'extends: loose'],
    ['a severity that does not exist', 'rules: {file/forbidden: fatal}'],
    ['a size without a known unit', 'limits: {max-total-size: 10 parsecs}'],
    ['a negative count', 'limits: {max-files: -1}'],
    ['a glob where a list is expected', 'files: {forbid: "*.map"}'],
    ['an ignore without a reason', 'ignore: [{rule: file/forbidden}]'],
    ['a content rule without a name', 'content: [{strings: [x]}]'],
    ['a top level list', '- a'],
  ])('rejects %s, as packguard does', (_, text) => {
    expect(jsonSchema(parse(text))).toBe(false)
    expect(() => parseConfig(text, 'x.yml')).toThrow(/^x\.yml: /)
  })
})

describe('the JSON Schema and the runtime validator agree', () => {
  const full = exampleOf(CONFIG_SCHEMA) as Record<string, unknown>
  const wrongValues = ['', 'x', '5MB', 0, -1, 1.5, 1e6, true, null, [], ['x'], [{}], {}, { x: 1 }]

  /** Every document the example makes by one change at one key: removed, wrong value, extra key. */
  function* mutants(): Generator<[string, unknown]> {
    for (const [path, spec] of keys(CONFIG_SCHEMA)) {
      const at = path.split('.').map((k) => k.replace(/\[\]$/, ''))
      yield [`${path} removed`, edit(full, at, undefined)]
      for (const v of wrongValues) yield [`${path}: ${JSON.stringify(v)}`, edit(full, at, v)]
      if (spec.type === 'object') yield [`${path}.extra`, edit(full, [...at, 'extra'], 1)]
    }
  }

  test('on one change at every key of the full example', () => {
    let rejected = 0
    for (const [what, doc] of mutants()) {
      const runtime = runtimeAccepts(doc)
      expect([what, jsonSchema(doc)]).toEqual([what, runtime])
      if (!runtime) rejected++
    }
    expect(rejected).toBeGreaterThan(500)
  })

  test.each([
    ['limits:\n  max-total-size: 1.5 MB', true],
    ['limits:\n  max-total-size: " 2gib "', true],
    ['limits:\n  max-total-size: 2GIB', true],
    ['limits:\n  max-total-size: 500', true],
    ['limits:\n  max-total-size: 0.5', true],
    ['limits:\n  max-total-size: "500"', true],
    ['limits:\n  max-total-size: 5 M', false],
    ['limits:\n  max-total-size: 1e3KB', false],
    ['limits:\n  max-total-size: -1', false],
    ['limits:\n  max-total-size: "-1"', false],
    ['limits:\n  max-total-size: .5MB', false],
    ['limits:\n  max-files: 1.0', true],
    ['limits:\n  max-files: 0', true],
    ['safety:\n  max-entries: 0', false],
    ['safety:\n  max-ratio: 1.5', true],
    ['safety:\n  max-ratio: 0.5', false],
    ['drift:\n  size-tolerance: {}', true],
    ['drift:\n  file-count-tolerance: {files: 1.5}', false],
    ['drift:\n  compare: sha256', false],
    ['rules: {}', true],
    ['rules:\n  anything/at-all: off', true],
    ['rules:\n  file/forbidden: 2', false],
    ['sourcemaps:\n  files: forbid', true],
    ['sourcemaps:\n  files: deny', false],
    ['content:\n  - name: x\n    severity: off', false],
    ['ignore:\n  - {rule: x, reason: y, path: 3}', false],
    ['files:', false],
    ['extends: 1', false],
    ['42', false],
  ])('%j (%s)', (text, valid) => {
    const doc = parse(text)
    expect(runtimeAccepts(doc)).toBe(valid)
    expect(jsonSchema(doc)).toBe(valid)
  })
})

describe('the schema itself', () => {
  test("the README's full example sets every key", () => {
    const set = new Set<string>()
    const walk = (v: unknown, path: string) => {
      if (Array.isArray(v)) v.forEach((item) => walk(item, `${path}[]`))
      else if (v && typeof v === 'object' && path !== 'rules')
        for (const [k, sub] of Object.entries(v)) {
          const p = path ? `${path}.${k}` : k
          set.add(p)
          walk(sub, p)
        }
    }
    walk(exampleOf(CONFIG_SCHEMA), '')
    expect(keys(CONFIG_SCHEMA).filter(([path]) => !set.has(path))).toEqual([])
  })

  test('every default and every example is a value of its own key', () => {
    for (const [path, spec] of keys(CONFIG_SCHEMA)) {
      for (const v of [
        ...(spec.default === undefined ? [] : [spec.default]),
        ...(spec.examples ?? []),
      ])
        expect([path, v, runtimeAccepts(v, spec)]).toEqual([path, v, true])
    }
  })
})

/** A copy of `doc` with the value at `path` set (undefined: removed); a list sets every item. */
function edit(doc: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value
  if (Array.isArray(doc)) return doc.map((item) => edit(item, path, value))
  const obj = { ...(doc as Record<string, unknown>) }
  const [key, ...rest] = path
  const next = rest.length === 0 ? value : edit(obj[key] ?? {}, rest, value)
  if (next === undefined) delete obj[key]
  else obj[key] = next
  return obj
}
