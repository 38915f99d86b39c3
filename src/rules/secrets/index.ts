import { defineFamily, type RuleMeta } from '../types.js'
import { DETECTORS, type DetectorId } from './detectors/index.js'
import { UNVERIFIED } from './engine/scanner.js'

/**
 * Low-confidence matches (a checksum that fails, a value that looks like a test one, a key
 * body that does not parse, credentials for a local host) are reported under one shared id,
 * `secret/unverified`, whose default severity is notice: a RawFinding has no severity, and one
 * id lets a project turn all doubtful matches up or off at once.
 */
const unverifiedMeta: RuleMeta<typeof UNVERIFIED> = {
  id: UNVERIFIED,
  category: 'leak',
  severity: 'notice',
  description:
    'Something shaped like a secret that did not pass its structural check (checksum, key body) or looks like a test value.',
}

/** The `secret/*` rule family: every file is scanned except source maps (read by the sourcemap rules). */
export const secretRules = defineFamily({
  rules: [
    ...DETECTORS.map((d): RuleMeta<DetectorId> => ({
      id: d.id,
      category: 'leak',
      severity: d.severity ?? 'error',
      description: d.description,
      ...(d.judged && { judged: d.judged }),
    })),
    unverifiedMeta,
  ],
  create({ secrets }) {
    return {
      stream(e) {
        return e.path.endsWith('.map') ? undefined : secrets.sink(e.path)
      },
      entry(e) {
        if (e.type !== 'file' || !e.content || e.path.endsWith('.map')) return
        secrets.bytes(e.content, e.path)
      },
    }
  },
})
