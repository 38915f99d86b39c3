import { inertJson } from './escape.js'
import type { Report } from './types.js'

/**
 * The machine-readable report. Characters a log viewer would act on (`::`, `##[`, bidi and
 * invisible characters in archive names) are written as JSON escapes: same data, inert text.
 */
export function renderJson(report: Report): string {
  return `${inertJson(JSON.stringify(report, null, 2))}\n`
}
