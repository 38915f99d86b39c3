import type { SafetyLimits } from '../sources/limits.js'
import { resolve } from './resolve.js'
import { CONFIG_SCHEMA } from './schema.js'
import { toConfig } from './to-config.js'
import type { Config } from './types.js'

/** The configuration with nothing declared: the schema's defaults (`recommended`, default limits). */
export function defaultConfig(): Config {
  return toConfig(resolve(CONFIG_SCHEMA, {}), undefined, [])
}

/** The `safety:` limits when none are configured. */
export const DEFAULT_LIMITS: SafetyLimits = defaultConfig().safety
