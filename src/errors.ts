/** Bad flags or inputs: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** A configuration file that does not validate: exit 2, naming the file and the key. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

export const EXIT = { pass: 0, findings: 1, usage: 2, unreadable: 3 } as const
