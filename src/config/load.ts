import { stat, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ConfigError } from '../errors.js'
import { defaultConfig } from './defaults.js'
import type { Config } from './types.js'

/** Where packguard looks for its config when none is named. */
export const DEFAULT_CONFIG_PATHS = ['.github/packguard.yml', '.github/packguard.yaml']

/**
 * Loads the config named by `explicit`, else the first default path that exists under `cwd`,
 * else the defaults. A named file that is missing, bad YAML or off-schema is a ConfigError.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<Config> {
  const file = explicit ? resolve(cwd, explicit) : await firstExisting(cwd)
  if (!file) return defaultConfig()
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw new ConfigError(
      `${explicit ?? file}: cannot read config file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    )
  }
  // The YAML parser and the content-rule engine load only when there is a file to parse.
  const { parseConfig } = await import('./parse.js')
  return parseConfig(text, explicit ?? file)
}

async function firstExisting(cwd: string): Promise<string | undefined> {
  for (const p of DEFAULT_CONFIG_PATHS) {
    const full = join(cwd, p)
    if ((await stat(full).catch(() => undefined))?.isFile()) return full
  }
  return undefined
}
