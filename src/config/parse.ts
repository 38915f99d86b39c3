import { parse } from 'yaml'
import { ConfigError } from '../errors.js'
import { RULES } from '../rules/registry.js'
import { compileContentRule, type ContentRule } from './content.js'
import { resolve } from './resolve.js'
import { CONFIG_SCHEMA, type ResolvedConfig } from './schema.js'
import { toConfig } from './to-config.js'
import type { Config } from './types.js'
import { validate } from './validate.js'

/** Parses and validates config text; `name` is used in every error message. */
export function parseConfig(text: string, name: string): Config {
  let raw: unknown
  try {
    raw = parse(text, { prettyErrors: true, uniqueKeys: true }) ?? {}
  } catch (err) {
    throw new ConfigError(`${name}: invalid YAML: ${(err as Error).message.split('\n')[0]}`)
  }
  validate(raw, CONFIG_SCHEMA, name)
  const r = resolve(CONFIG_SCHEMA, raw)
  const content = r.content.map((c, i) => compileContentRule(c, `${name}: content[${i}]`))
  checkRuleIds(r, content, name)
  return toConfig(r, name, content)
}

/** Rule ids in `rules:` and `ignore:` must name a registered rule or a declared content rule. */
function checkRuleIds(r: ResolvedConfig, content: ContentRule[], name: string): void {
  const isRule = (id: string) => RULES.has(id) || content.some((c) => id === `content/${c.name}`)
  for (const id of Object.keys(r.rules)) {
    if (!isRule(id)) {
      throw new ConfigError(
        `${name}: rules.${id}: unknown rule id (see docs/rules.md for the list)`,
      )
    }
  }
  for (const [i, ig] of r.ignore.entries()) {
    const family = ig.rule.endsWith('/*') ? ig.rule.slice(0, -1) : undefined
    const known = family
      ? [...RULES.keys()].some((id) => id.startsWith(family)) ||
        (family === 'content/' && content.length > 0)
      : isRule(ig.rule)
    if (!known) throw new ConfigError(`${name}: ignore[${i}].rule: unknown rule id '${ig.rule}'`)
  }
}
