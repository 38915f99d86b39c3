import type { RawFinding, RuleFamily } from '../types.js'

/**
 * Scans one text (decoded as latin1, so offsets are byte offsets) for secrets and reports each
 * as a RawFinding with redacted evidence. `file` is the path to report (for example
 * `dist/cli.js` or `dist/cli.js.map!sources[12]`). Placeholder: filled in by the secrets work.
 */
export function scanSecrets(_text: string, _file: string, _report: (f: RawFinding) => void): void {}

/** The `secret/*` rule family. Placeholder: filled in by the secrets work. */
export const secretRules: RuleFamily = {
  rules: [],
  create() {
    return {}
  },
}
