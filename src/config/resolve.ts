import { camel, type Resolved, type Spec } from './spec.js'
import { parseSize } from './units.js'

/**
 * A validated value with the schema's defaults filled in, sizes read into bytes and keys in
 * camelCase (a map's keys are data, rule ids, and stay as written). A mapping that is not given
 * is resolved from nothing, so its keys' defaults apply; one with a default of its own (a drift
 * tolerance) takes it whole when not given, and nothing of it when given.
 */
export function resolve<S extends Spec>(spec: S, value: unknown): Resolved<S> {
  return fill(spec, value) as Resolved<S>
}

function fill(spec: Spec, given: unknown): unknown {
  const value = given === undefined ? spec.default : given
  switch (spec.type) {
    case 'size':
      return value === undefined ? undefined : parseSize(value as string | number)
    case 'array':
      return (value as unknown[] | undefined)?.map((v) => fill(spec.items, v))
    case 'map':
      return (
        value &&
        Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(spec.values, v)]))
      )
    case 'object': {
      const obj = (value ?? {}) as Record<string, unknown>
      const out: Record<string, unknown> = {}
      for (const [key, sub] of Object.entries(spec.props)) {
        const v = fill(sub, obj[key])
        if (v !== undefined) out[camel(key)] = v
      }
      return out
    }
    default:
      return value
  }
}
