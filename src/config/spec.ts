/**
 * A small schema language for the config file. A schema written in it, `as const`, is the one
 * description of a key: the validator walks it, the defaults come from it, the README reference
 * and the editor JSON Schema are generated from it, and the types below read it at compile time.
 */
export type Spec =
  | (Doc & { type: 'string'; default?: string })
  | (Doc & { type: 'enum'; values: readonly string[]; default?: string })
  | (Doc & { type: 'size'; default?: string | number })
  | (Doc & { type: 'integer'; min: number; default?: number })
  | (Doc & { type: 'number'; min: number; default?: number })
  | (Doc & { type: 'array'; items: Spec; default?: readonly never[] })
  | (Doc & {
      type: 'object'
      props: Readonly<Record<string, Key>>
      required?: readonly string[]
      /** A whole-object default: a value given replaces it whole, with no default inside. */
      default?: Readonly<Record<string, unknown>>
    })
  | (Doc & { type: 'map'; key: string; values: Spec; default?: Readonly<Record<string, never>> })

/** A key of a mapping: always documented, since the README and the editor show it. */
export type Key = Spec & { description: string }

interface Doc {
  /** One line, shown in the README reference and by editors. */
  description?: string
  /** Typical values; the first one goes into the README's full example. */
  examples?: readonly unknown[]
}

/** A value the schema accepts, as the YAML parser gives it. */
export type Raw<S> = S extends { type: 'string' }
  ? string
  : S extends { type: 'enum'; values: readonly (infer V)[] }
    ? V
    : S extends { type: 'size' }
      ? string | number
      : S extends { type: 'integer' | 'number' }
        ? number
        : S extends { type: 'array'; items: infer I }
          ? Raw<I>[]
          : S extends { type: 'map'; values: infer V }
            ? Record<string, Raw<V>>
            : S extends { type: 'object'; props: infer P }
              ? Flat<
                  { -readonly [K in keyof P & RequiredOf<S>]: Raw<P[K]> } & {
                    -readonly [K in Exclude<keyof P, RequiredOf<S>>]?: Raw<P[K]>
                  }
                >
              : never

/**
 * A value after `resolve`: defaults filled in, sizes in bytes, keys in camelCase. A key is always
 * there when it is required, has a default, or is a mapping (its own defaults fill it).
 */
export type Resolved<S> = S extends { type: 'size' }
  ? number
  : S extends { type: 'array'; items: infer I }
    ? Resolved<I>[]
    : S extends { type: 'map'; values: infer V }
      ? Record<string, Resolved<V>>
      : S extends { type: 'object'; props: infer P }
        ? Flat<
            {
              -readonly [
                K in keyof P & string as Always<P[K], K, S> extends true ? Camel<K> : never
              ]: Resolved<P[K]>
            } & {
              -readonly [
                K in keyof P & string as Always<P[K], K, S> extends true ? never : Camel<K>
              ]?: Resolved<P[K]>
            }
          >
        : Raw<S>

/** `max-total-size` -> `maxTotalSize`, in types; `camel` does it to values. */
export type Camel<K extends string> = K extends `${infer A}-${infer B}`
  ? `${A}${Capitalize<Camel<B>>}`
  : K

export function camel(key: string): string {
  return key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

type RequiredOf<S> = S extends { required: readonly (infer R)[] } ? R : never
type Always<V, K, S> =
  K extends RequiredOf<S>
    ? true
    : V extends { default: unknown }
      ? true
      : V extends { type: 'object' }
        ? true
        : false
type Flat<T> = { [K in keyof T]: T[K] } & {}
