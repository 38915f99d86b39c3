/**
 * Appends items one by one. `target.push(...items)` passes every item as an argument on the
 * stack, so it throws RangeError past about 100,000 items; finding and file lists grow past that.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item)
  return target
}
