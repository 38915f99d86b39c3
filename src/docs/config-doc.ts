import { stringify } from 'yaml'
import { CONFIG_SCHEMA } from '../config/schema.js'
import type { Spec } from '../config/spec.js'
import { renderConfigExample } from './config-example.js'
import { replaceBetween } from './markers.js'

const START =
  '<!-- config-reference:start (generated from src/config/schema.ts by `npm run docs`) -->'
const END = '<!-- config-reference:end -->'
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').trim()
const code = (s: string) => `\`${s}\``

/** The README's configuration reference: every key with its type, default and meaning, then a full example. */
export function renderConfigReference(spec: Spec = CONFIG_SCHEMA): string {
  const out = ['| Key | Type | Default | Description |', '| --- | --- | --- | --- |']
  for (const [path, key, required] of keys(spec)) {
    const dflt = required ? 'required' : key.default === undefined ? '' : code(inline(key.default))
    out.push(`| ${code(path)} | ${typeName(key)} | ${dflt} | ${cell(key.description ?? '')} |`)
  }
  return [
    out.join('\n'),
    'A config setting every key (to an example, or else to its default):',
    `\`\`\`yaml\n${renderConfigExample(spec)}\`\`\``,
  ].join('\n\n')
}

/** README text with the generated configuration reference replaced. */
export function withConfigReference(readme: string): string {
  return replaceBetween(readme, START, END, renderConfigReference())
}

/** Every documented key under `spec`, depth first, as [path, spec, required]. */
export function keys(spec: Spec, prefix = ''): [string, Spec, boolean][] {
  if (spec.type === 'array') return keys(spec.items, `${prefix}[]`)
  if (spec.type !== 'object') return []
  return Object.entries(spec.props).flatMap(([k, sub]) => {
    const path = prefix ? `${prefix}.${k}` : k
    const here: [string, Spec, boolean] = [path, sub, spec.required?.includes(k) ?? false]
    return [here, ...keys(sub, path)]
  })
}

function typeName(spec: Spec): string {
  switch (spec.type) {
    case 'enum':
      return `one of ${spec.values.map(code).join(', ')}`
    case 'integer':
      return `whole number >= ${spec.min}`
    case 'number':
      return `number >= ${spec.min}`
    case 'array':
      return spec.items.type === 'object' ? 'list of mappings' : `list of ${typeName(spec.items)}s`
    case 'object':
      return 'mapping'
    case 'map':
      return `mapping of ${spec.key} to ${typeName(spec.values)}`
    default:
      return spec.type
  }
}

function inline(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false }).trim()
}
