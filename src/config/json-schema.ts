import type { Spec } from './spec.js'
import { SIZE_UNITS } from './units.js'

/** Where editors fetch the published schema from (the README's modeline names it). */
export const SCHEMA_URL =
  'https://raw.githubusercontent.com/packguard/packguard/main/schemas/packguard.schema.json'

type JsonSchema = Record<string, unknown>

/**
 * The JSON Schema (draft-07, which every YAML language server reads) of a config schema: it
 * accepts exactly what `validate` accepts, and carries the descriptions, defaults and examples
 * for completion and hovers. Checks that need code (RE2 patterns, known rule ids, pattern or
 * strings) stay with the loader.
 */
export function toJsonSchema(spec: Spec): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_URL,
    title: 'packguard',
    ...node(spec),
  }
}

function node(spec: Spec): JsonSchema {
  const doc = { description: spec.description, default: spec.default, examples: spec.examples }
  switch (spec.type) {
    case 'string':
      return { ...doc, type: 'string' }
    case 'enum':
      return { ...doc, enum: spec.values }
    case 'size':
      return {
        ...doc,
        anyOf: [
          { type: 'string', pattern: SIZE_PATTERN },
          { type: 'number', minimum: 0 },
        ],
      }
    case 'integer':
      return { ...doc, type: 'integer', minimum: spec.min }
    case 'number':
      return { ...doc, type: 'number', minimum: spec.min }
    case 'array':
      return { ...doc, type: 'array', items: node(spec.items) }
    case 'object':
      return {
        ...doc,
        type: 'object',
        properties: Object.fromEntries(Object.entries(spec.props).map(([k, v]) => [k, node(v)])),
        required: spec.required,
        additionalProperties: false,
      }
    case 'map':
      return { ...doc, type: 'object', additionalProperties: node(spec.values) }
  }
}

// parseSize's reading as an ECMA-262 pattern, which has no case-insensitive flag in JSON Schema.
const anyCase = (unit: string) => [...unit].map((c) => `[${c}${c.toUpperCase()}]`).join('')
const SIZE_PATTERN = `^\\s*\\d+(\\.\\d+)?\\s*(${SIZE_UNITS.map(anyCase).join('|')})?\\s*$`
