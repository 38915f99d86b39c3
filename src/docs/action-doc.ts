import { parse } from 'yaml'
import { replaceBetween } from './markers.js'

interface ActionYml {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs?: Record<string, { description?: string }>
}

const START = '<!-- action-tables:start (generated from action.yml by `npm run docs`) -->'
const END = '<!-- action-tables:end -->'
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').trim()

/** The README's inputs and outputs tables, generated from action.yml. */
export function renderActionTables(actionYml: string): string {
  const action = parse(actionYml) as ActionYml
  const out = ['| Input | Required | Default | Description |', '| --- | --- | --- | --- |']
  for (const [name, i] of Object.entries(action.inputs ?? {})) {
    const dflt = i.default ? `\`${i.default}\`` : ''
    out.push(
      `| \`${name}\` | ${i.required ? 'yes' : 'no'} | ${dflt} | ${cell(i.description ?? '')} |`,
    )
  }
  out.push('', '| Output | Description |', '| --- | --- |')
  for (const [name, o] of Object.entries(action.outputs ?? {}))
    out.push(`| \`${name}\` | ${cell(o.description ?? '')} |`)
  return out.join('\n')
}

/** README text with the generated region replaced. */
export function withActionTables(readme: string, actionYml: string): string {
  return replaceBetween(readme, START, END, renderActionTables(actionYml))
}
