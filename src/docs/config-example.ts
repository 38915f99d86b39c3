import { Document, Pair, YAMLMap, YAMLSeq, type Node } from 'yaml'
import { SCHEMA_URL } from '../config/json-schema.js'
import type { Spec } from '../config/spec.js'

/**
 * A config file setting every key of `spec`: each key's first example, else its default. Lists
 * of scalars, and mappings that are replaced whole (the drift tolerances), are written inline.
 */
export function renderConfigExample(spec: Spec): string {
  const doc = new Document()
  doc.commentBefore = ` yaml-language-server: $schema=${SCHEMA_URL}`
  doc.contents = toNode(doc, spec, exampleOf(spec)) ?? null
  ;(doc.contents as YAMLMap<Node>).items.forEach((p, i) => {
    if (i > 0) (p.key as Node).spaceBefore = true
  })
  return doc.toString({ singleQuote: true, flowCollectionPadding: false, lineWidth: 100 })
}

/** The value the example gives a key: a whole example, else its keys' examples, else the default. */
export function exampleOf(spec: Spec): unknown {
  if (spec.examples) return spec.examples[0]
  if (spec.type === 'object' && spec.default === undefined) {
    const entries = Object.entries(spec.props)
      .map(([k, v]) => [k, exampleOf(v)])
      .filter(([, v]) => v !== undefined)
    return entries.length ? Object.fromEntries(entries) : undefined
  }
  return spec.default
}

function toNode(doc: Document, spec: Spec, value: unknown): Node | undefined {
  if (value === undefined) return undefined
  if (spec.type === 'array') {
    const seq = new YAMLSeq<Node>()
    for (const v of value as unknown[]) seq.items.push(toNode(doc, spec.items, v) as Node)
    seq.flow = spec.items.type !== 'object' && spec.items.type !== 'array'
    return seq
  }
  if (spec.type === 'object' || spec.type === 'map') {
    const map = new YAMLMap<Node, Node>()
    for (const [k, v] of Object.entries(value as object)) {
      const sub = spec.type === 'map' ? spec.values : spec.props[k]
      map.items.push(new Pair(doc.createNode(k), toNode(doc, sub, v)))
    }
    map.flow = spec.type === 'object' && spec.default !== undefined
    return map
  }
  return doc.createNode(value)
}
