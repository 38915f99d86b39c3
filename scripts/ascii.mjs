// The build's last step on each bundle: characters past ASCII become escapes where that means
// the same (see asciiOnly).
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'acorn'

/**
 * Writes characters past ASCII as `\u` escapes where an escape means the same character: in
 * string literals, regexes, untagged templates and comments. One such character anywhere makes
 * V8 hold the whole bundle as two-byte text, which costs start-up time (about 5 ms for the CLI).
 * Anywhere else (a no-break space between tokens, a tagged template whose raw text a tag may
 * read) the character stays as it is.
 */
export function asciiOnly(file) {
  const source = readFileSync(file, 'utf8')
  if (!NON_ASCII.test(source)) return
  const safe = []
  const onComment = (_block, _text, start, end) => safe.push([start, end])
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module', onComment })
  visit(ast, undefined, (node, parent) => {
    if (node.type === 'Literal' && (typeof node.value === 'string' || node.regex))
      safe.push([node.start, node.end])
    if (node.type === 'TemplateLiteral' && parent?.type !== 'TaggedTemplateExpression')
      for (const q of node.quasis) safe.push([q.start, q.end])
  })
  safe.sort((a, b) => a[0] - b[0])
  let out = ''
  let last = 0
  for (const [start, end] of safe) {
    if (start < last) continue
    out += source.slice(last, start) + escapeNonAscii(source.slice(start, end))
    last = end
  }
  out += source.slice(last)
  parse(out, { ecmaVersion: 'latest', sourceType: 'module' }) // still one module
  if (out !== source) writeFileSync(file, out)
}

const NON_ASCII = /[\u0080-\uffff]/

/** Each UTF-16 unit past ASCII as `\uXXXX`, unless a backslash already escapes it. */
function escapeNonAscii(text) {
  return text.replace(/(\\*)([\u0080-\uffff])/g, (all, slashes, c) =>
    slashes.length % 2 === 1
      ? all
      : `${slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** Calls `fn` on every node of an ESTree tree with its parent. */
function visit(node, parent, fn) {
  fn(node, parent)
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v.type === 'string') visit(v, node, fn)
    } else if (value && typeof value.type === 'string') {
      visit(value, node, fn)
    }
  }
}
