import type { Severity } from '../findings.js'
import { printable } from './escape.js'
import type { Report } from './types.js'

export interface Annotation {
  severity: Severity
  title: string
  message: string
  file?: string
  line?: number
  column?: number
}

/** The runner shows at most 10 annotations of each type per step. */
export const ANNOTATION_LIMIT = 10

/**
 * Annotations, most severe first, at most ANNOTATION_LIMIT per severity (less what the caller has
 * `alreadyUsed`). `localFile` maps findings to real files when the artifact is a folder in the checkout.
 */
export function renderAnnotations(
  report: Report,
  localFile?: (artifact: string, file: string) => string | undefined,
  alreadyUsed: Partial<Record<Severity, number>> = {},
): Annotation[] {
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0, ...alreadyUsed }
  const out: Annotation[] = []
  for (const f of report.findings) {
    if (used[f.severity] >= ANNOTATION_LIMIT) continue
    used[f.severity]++
    const file = f.file ? localFile?.(f.artifact, f.file) : undefined
    const a: Annotation = {
      severity: f.severity,
      title: printable(`packguard ${f.rule}: ${f.artifact}${f.file ? ` → ${f.file}` : ''}`),
      message: printable(f.message),
    }
    // A name that needs escaping is no usable location: the title names it, escaped.
    if (file && printable(file) === file) {
      a.file = file
      if (f.line) a.line = f.line
      if (f.column) a.column = f.column
    }
    out.push(a)
  }
  return out
}
