// The states of the map scanner (map-scan.ts): what the next byte may be, and what an error
// there says was expected.

export const START = 0 // before the map's `{` (see MapStart)
export const FIRST_KEY = 1 // a key or `}`, just after `{`
export const KEY = 2 // a key, after `,`
export const AFTER_KEY = 3 // `:`
export const FIRST_VALUE = 4 // a value or `]`, just after `[`
export const VALUE = 5 // a value, after `:` or `,`
export const NEXT = 6 // `,` or the closing bracket, after a value
export const STRING = 7 // inside a string
export const LITERAL = 8 // inside a number, `true`, `false` or `null`
export const DONE = 9 // after the map object: whitespace only
export const NOT_A_MAP = 10

/** What a byte in `state` should have been, for MalformedMap messages. */
export function expectedIn(state: number, inObject: boolean): string {
  if (state === FIRST_KEY) return "expected a string or '}'"
  if (state === KEY) return 'expected a string'
  if (state === AFTER_KEY) return "expected ':'"
  if (state === FIRST_VALUE) return "expected a value or ']'"
  if (state === VALUE) return 'expected a value'
  return inObject ? "expected ',' or '}'" : "expected ',' or ']'"
}
