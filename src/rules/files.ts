import { compileGlobs } from '../globs.js'
import { defineFamily } from './types.js'

/** `files.forbid`, `files.allow` and `files.require`: what may and must ship. */
export const filesRules = defineFamily({
  rules: [
    {
      id: 'file/forbidden',
      category: 'policy',
      severity: 'error',
      always: true,
      description: 'A file matches a `files.forbid` pattern.',
    },
    {
      id: 'file/unexpected',
      category: 'policy',
      severity: 'error',
      always: true,
      description: 'A file matches no `files.allow` pattern.',
    },
    {
      id: 'file/missing',
      category: 'policy',
      severity: 'error',
      always: true,
      description: 'No file matches a `files.require` pattern.',
    },
  ],
  create({ config, report }) {
    const forbid = compileGlobs(config.files.forbid)
    const allow = config.files.allow ? compileGlobs(config.files.allow) : undefined
    const require = config.files.require.map((p) => ({ pattern: p, match: compileGlobs([p]) }))
    return {
      entry(e) {
        if (e.type === 'directory' || e.depth) return
        const hit = forbid.first(e.path)
        if (hit) {
          report({
            rule: 'file/forbidden',
            file: e.path,
            message: `${e.path} matches files.forbid pattern '${hit}'`,
            key: hit,
          })
        }
        if (allow && !allow.first(e.path)) {
          report({
            rule: 'file/unexpected',
            file: e.path,
            message: `${e.path} is not in files.allow`,
          })
        }
      },
      end(entries) {
        const files = entries.filter((e) => e.type !== 'directory')
        for (const { pattern, match } of require) {
          if (!files.some((e) => match.first(e.path))) {
            report({
              rule: 'file/missing',
              file: '',
              message: `no file matches files.require pattern '${pattern}'`,
              key: pattern,
            })
          }
        }
      },
    }
  },
})
