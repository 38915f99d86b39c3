import type { Detector } from '../engine/types.js'
import { tokenDetector, type TokenSpec } from './token.js'

/**
 * A token whose distinctive part is not at its start (`<14 chars>.atlasv1.…`, `…:APA91b…`):
 * the keyword is that part, and the pattern is matched from `before` characters ahead of it.
 */
export function markerDetector<const Id extends `secret/${string}`>(
  spec: TokenSpec<Id> & { before: number },
): Detector<Id> {
  const d = tokenDetector(spec)
  const find = d.find!
  return {
    ...d,
    find: (text, at, ctx) => (at >= spec.before ? find(text, at - spec.before, ctx) : undefined),
  }
}
