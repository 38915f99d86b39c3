// Rule ids are types derived from the registry: these lines are checked by `npm run typecheck`
// (each @ts-expect-error must meet an error, or the typecheck fails), and the test below checks
// the registry they derive from at run time.
import { expect, test } from '@jest/globals'
import type { RawFinding } from '../src/findings.js'
import { RULES, type RuleId } from '../src/rules/registry.js'
import { defineFamily } from '../src/rules/types.js'

const known: RuleId[] = ['archive/link', 'secret/github-token', 'drift/file-added', 'content/x']
// @ts-expect-error: a misspelt id is not a RuleId
const misspelt: RuleId = 'archive/lnik'

const family = defineFamily({
  rules: [{ id: 'demo/one', category: 'policy', severity: 'warning', description: 'One.' }],
  create: ({ report }) => ({
    entry(e) {
      report({ rule: 'demo/one', file: e.path, message: 'declared' })
      // @ts-expect-error: a family reports only the ids it declares
      report({ rule: 'demo/two', file: e.path, message: 'not declared' })
    },
  }),
})

test('every registered rule id is unique and named family/name', () => {
  const ids = [...RULES.keys()]
  expect(new Set(ids).size).toBe(ids.length)
  for (const id of ids) expect(id).toMatch(/^[a-z]+\/[a-z0-9-]+$/)
  for (const id of known.filter((k) => !k.startsWith('content/'))) expect(RULES.has(id)).toBe(true)
  expect(RULES.has(misspelt)).toBe(false)
})

test('a family reports through its own typed report', () => {
  const seen: RawFinding[] = []
  const visitor = family.create({ report: (f: RawFinding) => void seen.push(f) } as never)
  visitor.entry?.({ path: 'a.txt', rawPath: 'a.txt', type: 'file', mode: 0o644, size: 0 })
  expect(seen.map((f) => f.rule)).toEqual(['demo/one', 'demo/two'])
})
