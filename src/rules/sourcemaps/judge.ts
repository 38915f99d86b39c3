import type { DriftContext } from '../../drift/context.js'
import type { Severity } from '../../findings.js'
import type { Openness } from '../licenses/openness.js'
import type { Copy, ShippedFiles } from './copies.js'
import type { SourcesSummary } from './sources-summary.js'

/** A map with embedded sources, as read: judged once the whole artifact is known. */
export interface EmbeddedMap {
  /** The map file, or the file that carries an inline map. */
  path: string
  inline: boolean
  embedded: SourcesSummary
  /** Its first-party embedded sources as files of the artifact, when all of them could be. */
  copies?: Copy[]
}

export interface Judgement {
  severity: Severity
  /** Why it is an error even though its sources are public: always part of the message. */
  reason?: string
  /** Why it is less than an error: shown where this judgement applies (see RawFinding.because). */
  because?: string
}

/** Each expected file set's paths, made once however many maps are judged against it. */
const PATHS = new WeakMap<object, Set<string>>()
function pathsOf(a: DriftContext['against'][number]): Set<string> {
  let paths = PATHS.get(a.manifest)
  if (!paths) PATHS.set(a.manifest, (paths = new Set(a.manifest.files.map((f) => f.path))))
  return paths
}

const HOW_TO_FORBID = '`sourcemaps: { sources-content: forbid }` makes it an error'

/**
 * How serious shipping these embedded sources is in `recommended`:
 * - only dependency code (node_modules): a notice, nothing of the project's own is exposed;
 * - first-party sources that all ship beside it, byte-identical: a notice, nothing more is;
 * - a map file new against the lockfile or baseline (the release before had none): an error,
 *   whatever the license (the incident this tool exists for);
 * - first-party sources not otherwise public (no open-source license, private, no public
 *   repository, or nothing says): an error;
 * - else a warning: the sources are public anyway.
 */
export function judgeEmbedded(
  map: EmbeddedMap,
  open: Openness,
  shipped: ShippedFiles,
  drift?: DriftContext,
): Judgement {
  if (map.embedded.firstParty === 0)
    return { severity: 'notice', because: 'only dependency code: none of its own sources' }
  if (map.copies && shipped.allShipped(map.copies))
    return {
      severity: 'notice',
      because: 'its own sources all ship beside it, byte-identical: it exposes nothing more',
    }
  const before = map.inline ? undefined : drift?.against.find((a) => !pathsOf(a).has(map.path))
  if (before) {
    const than = before.kind === 'lockfile' ? `the lockfile ${before.label}` : before.label
    return { severity: 'error', reason: `new since ${than}, which had no ${map.path}` }
  }
  if (!open.public) return { severity: 'error' }
  return { severity: 'warning', because: `${open.why}; ${HOW_TO_FORBID}` }
}
