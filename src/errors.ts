/** Bad flags or inputs: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** A configuration file that does not validate: exit 2, naming the file and the key. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

export const EXIT = { pass: 0, findings: 1, usage: 2, unreadable: 3 } as const

/** 3 when an artifact could not be read completely, 1 on failing findings, else 0. */
export function exitCode(report: {
  result: 'pass' | 'fail'
  artifacts: ReadonlyArray<{ error?: string }>
}): number {
  if (report.artifacts.some((a) => a.error)) return EXIT.unreadable
  return report.result === 'fail' ? EXIT.findings : EXIT.pass
}
