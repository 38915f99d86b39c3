import type { ScanContext } from '../engine/context.js'
import type { Hit } from '../engine/types.js'
import { credentialHit } from './credential-value.js'

// A Kubernetes Secret holds credentials under any name (`DB_URL`, `stripe`, `api`): each value
// of its `data:` (base64, judged by what it decodes to) and `stringData:` is judged as a
// credential. Only the YAML document around `kind: Secret` is read, a line at a time; a
// manifest inside a string literal (`\n` escapes) reads the same.

/** A line break, or an escaped one inside a string literal. */
const BREAK = /\r?\n|\\n/g
/** How far around `kind: Secret` its document is looked for. */
const BEFORE = 4096
const AFTER = 16384
/** `data:` or `stringData:` opening a block. */
const BLOCK = /^([ \t]*)(data|stringData):[ \t]*$/
/** One entry of the block: `  name: value`, the value quoted or not. */
const ENTRY = /^([ \t]+)["']?([\w.-]{1,128})["']?:[ \t]*(["']?)([^\s"'#|>]{1,512})\3[ \t]*$/
/** Certificates and CA bundles are public; keys and keystores are found by their own rules. */
const NOT_JUDGED = /\.(?:crt|cert|pem|key|jks|p12|pfx)$|^ca$/i
const PASSWORD_NAME = /passw(?:or)?d|pwd/i

/** Per text, where the last document read ends: a text of many `kind: Secret` reads each once. */
const read = new WeakMap<object, number>()

/** Each judged value of the Secret whose `kind` is at `at`; `ctx` is the scan of this text. */
export function secretManifest(text: string, at: number, ctx: ScanContext): Hit[] {
  if (at < (read.get(ctx) ?? -1)) return []
  const from = Math.max(0, at - BEFORE)
  const lines = linesOf(text, from, Math.min(text.length, at + AFTER))
  let first = 0
  let last = lines.length
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].text.startsWith('---')) continue
    if (lines[i].start <= at) first = i + 1
    else if (last === lines.length) last = i
  }
  read.set(ctx, last < lines.length ? lines[last].start : Math.min(text.length, at + AFTER))
  const hits: Hit[] = []
  let block: { indent: number; data: boolean } | undefined
  for (let i = first; i < last; i++) {
    const { text: line, start } = lines[i]
    const open = BLOCK.exec(line)
    if (open) {
      block = { indent: open[1].length, data: open[2] === 'data' }
      continue
    }
    if (!block || !line.trim()) continue
    const e = ENTRY.exec(line)
    if (!e || e[1].length <= block.indent) {
      if (line.search(/\S/) <= block.indent) block = undefined
      continue
    }
    const [, , name, , value] = e
    if (NOT_JUDGED.test(name)) continue
    const kind = PASSWORD_NAME.test(name) ? 'password' : 'other'
    const hit = credentialHit(value, start + line.lastIndexOf(value), kind, {
      text: ctx.text,
      file: ctx.file,
      manifest: true,
    })
    // `data:` values are base64: one that is not base64 of text is not judged
    if (hit && (!block.data || /^[A-Za-z0-9+/]+={0,2}$/.test(value))) hits.push(hit)
  }
  return hits
}

function linesOf(text: string, from: number, to: number): Array<{ text: string; start: number }> {
  const part = text.slice(from, to)
  const out: Array<{ text: string; start: number }> = []
  let start = 0
  BREAK.lastIndex = 0
  for (let m = BREAK.exec(part); m; m = BREAK.exec(part)) {
    out.push({ text: part.slice(start, m.index), start: from + start })
    start = m.index + m[0].length
  }
  out.push({ text: part.slice(start), start: from + start })
  return out
}
