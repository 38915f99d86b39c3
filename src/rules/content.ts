import type { ContentRule } from '../config/content.js'
import { MAX_COUNT } from '../config/content-limits.js'
import { compileGlobs } from '../globs.js'
import type { Entry } from '../sources/types.js'
import { position } from './position.js'
import { defineFamily } from './types.js'
import type { RawFinding } from '../findings.js'
import { Windows } from './windows.js'

/** Content rule ids: the `content/` family with the rule's own name. */
type ContentId = `content/${string}`

/** The team's own `content:` rules, each reported as `content/<name>`, once per file. */
export const contentRules = defineFamily<ContentId>({
  // Ids are declared in the config, so there is nothing static to register.
  rules: [],
  create({ config, report }) {
    const rules = config.content.map((r) => ({
      rule: r,
      scope: r.files ? compileGlobs(r.files) : undefined,
    }))
    const applicable = (e: Entry) =>
      rules.length === 0 || e.type !== 'file'
        ? []
        : rules.filter((r) => !r.scope || r.scope.first(e.path)).map((r) => r.rule)
    return {
      stream(e) {
        const list = applicable(e)
        return list.length ? contentSink(e.path, list, report) : undefined
      },
      entry(e) {
        const list = e.content ? applicable(e) : []
        if (list.length === 0 || e.content?.subarray(0, 8192).includes(0)) return
        const text = (e.content as Buffer).toString('utf8')
        for (const rule of list) {
          const hit = rule.find(text)
          if (!hit) continue
          report(finding(e.path, rule, position(text, hit.first), hit.count))
        }
      },
    }
  },
})

function finding(
  file: string,
  rule: ContentRule,
  at: { line: number; column: number },
  count: number,
): RawFinding<ContentId> {
  const times =
    count >= MAX_COUNT ? `at least ${MAX_COUNT} times` : count === 1 ? 'once' : `${count} times`
  const what = rule.message ?? `matches content rule '${rule.name}'`
  return {
    rule: `content/${rule.name}`,
    file,
    line: at.line,
    column: at.column,
    message: `${file}: ${what} (${times}; first at line ${at.line})`,
  }
}

/**
 * Content rules over a streamed file, window by window: matches are counted where they start
 * (each byte belongs to one window), the first one is located in the file. A binary (a NUL in
 * the first 8 KB) is skipped, as a whole file would be.
 */
function contentSink(
  file: string,
  rules: ContentRule[],
  report: (f: RawFinding<ContentId>) => void,
) {
  const found = new Map<ContentRule, { at: { line: number; column: number }; count: number }>()
  let binary: boolean | undefined
  const windows = new Windows((bytes, pos) => {
    binary ??= bytes.subarray(0, 8192).includes(0)
    if (binary) return
    const text = bytes.toString('utf8')
    // Window offsets are bytes; the text is UTF-16: convert the own part's bounds.
    const from = bytes.toString('utf8', 0, pos.from).length
    const to = bytes.toString('utf8', 0, pos.to).length
    for (const rule of rules) {
      const prev = found.get(rule)
      if (prev && prev.count >= MAX_COUNT) continue
      const hit = rule.find(text, from, to)
      if (!hit) continue
      if (prev) {
        prev.count = Math.min(MAX_COUNT, prev.count + hit.count)
        continue
      }
      const p = position(text, hit.first)
      const column = p.line === 1 ? p.column + (pos.base - pos.lineStart) : p.column
      found.set(rule, { at: { line: pos.line + p.line - 1, column }, count: hit.count })
    }
  })
  return {
    write: (c: Buffer) => windows.write(c),
    end: () => {
      windows.end()
      for (const [rule, f] of found) report(finding(file, rule, f.at, f.count))
    },
  }
}
