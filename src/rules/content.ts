import { MAX_COUNT } from '../config/content.js'
import { compileGlobs } from '../globs.js'
import { position } from './position.js'
import type { RuleFamily } from './types.js'

/** The team's own `content:` rules, each reported as `content/<name>`, once per file. */
export const contentRules: RuleFamily = {
  // Ids are declared in the config, so there is nothing static to register.
  rules: [],
  create({ config, report }) {
    const rules = config.content.map((r) => ({
      rule: r,
      scope: r.files ? compileGlobs(r.files) : undefined,
    }))
    return {
      entry(e) {
        if (rules.length === 0 || e.type !== 'file' || !e.content) return
        const applicable = rules.filter((r) => !r.scope || r.scope.first(e.path))
        if (applicable.length === 0 || e.content.subarray(0, 8192).includes(0)) return
        const text = e.content.toString('utf8')
        for (const { rule } of applicable) {
          const hit = rule.find(text)
          if (!hit) continue
          const { line, column } = position(text, hit.first)
          const times =
            hit.count >= MAX_COUNT
              ? `at least ${MAX_COUNT} times`
              : hit.count === 1
                ? 'once'
                : `${hit.count} times`
          const what = rule.message ?? `matches content rule '${rule.name}'`
          report({
            rule: `content/${rule.name}`,
            file: e.path,
            line,
            column,
            message: `${e.path}: ${what} (${times}; first at line ${line})`,
          })
        }
      },
    }
  },
}
