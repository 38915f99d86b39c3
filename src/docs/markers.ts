/**
 * `text` with the region between the `start` and `end` marker lines replaced by `body`; the
 * markers stay, so the next run finds them again.
 */
export function replaceBetween(text: string, start: string, end: string, body: string): string {
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a < 0 || b < a) throw new Error(`no '${start}' ... '${end}' markers`)
  return `${text.slice(0, a + start.length)}\n\n${body}\n\n${text.slice(b)}`
}
