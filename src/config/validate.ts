import { ConfigError } from '../errors.js'
import type { Spec } from './spec.js'
import { parseSize } from './units.js'

/** Checks `value` against `spec`; throws ConfigError naming the file, the key path and what was expected. */
export function validate(value: unknown, spec: Spec, file: string, path = ''): void {
  const fail = (expected: string): never => {
    throw new ConfigError(
      `${file}: ${path || '(top level)'}: expected ${expected}, got ${describe(value)}`,
    )
  }
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') fail('a string')
      return
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value))
        fail(`one of ${spec.values.join(', ')}`)
      return
    case 'size':
      // One reading of sizes: valid is what parseSize reads (so not YAML's .inf).
      if (
        (typeof value !== 'number' && typeof value !== 'string') ||
        parseSize(value) === undefined
      )
        fail('a size such as 500KB, 10MB, 1GB or a number of bytes')
      return
    case 'integer':
      if (!Number.isInteger(value) || (value as number) < spec.min)
        fail(`a whole number of at least ${spec.min}`)
      return
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min)
        fail(`a number of at least ${spec.min}`)
      return
    case 'array':
      if (!Array.isArray(value)) fail('a list')
      ;(value as unknown[]).forEach((v, i) => validate(v, spec.items, file, `${path}[${i}]`))
      return
    case 'object': {
      if (!isPlainObject(value)) fail('a mapping')
      const obj = value as Record<string, unknown>
      for (const key of Object.keys(obj)) {
        const sub = spec.props[key]
        const at = path ? `${path}.${key}` : key
        if (!sub) {
          throw new ConfigError(
            `${file}: ${at}: unknown key; expected one of ${Object.keys(spec.props).join(', ')}`,
          )
        }
        validate(obj[key], sub, file, at)
      }
      for (const key of spec.required ?? []) {
        if (!(key in obj))
          throw new ConfigError(`${file}: ${path ? `${path}.` : ''}${key}: required key is missing`)
      }
      return
    }
    case 'map':
      if (!isPlainObject(value)) fail('a mapping')
      for (const [k, v] of Object.entries(value as object))
        validate(v, spec.values, file, path ? `${path}.${k}` : k)
      return
  }
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a mapping'
  return `${typeof v} ${JSON.stringify(v)}`
}
