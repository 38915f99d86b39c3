import type { ChunkSink } from '../../sources/body.js'
import type { RawFinding, RuleFamily, RuleMeta } from '../types.js'
import { Windows, type WindowPos, type WindowSizes } from '../windows.js'
import { latin1Text } from '../text.js'
import { isBinary, printableRuns } from './binary.js'
import { DETECTORS } from './detectors.js'
import { createScanner, UNVERIFIED, type Mask } from './scanner.js'

const { scan, keywordInRuns, skim } = createScanner(DETECTORS)

/** See Scanner.skim: the decoded length of a JSON string's raw text that holds no secret. */
export const skimSecrets = skim

/** Printable runs shorter than this are not scanned in binaries (as `strings` does). */
const MIN_RUN = 8

/**
 * Scans one text (decoded as latin1, so offsets are byte offsets) for secrets and reports each
 * as a RawFinding with redacted evidence. `file` is the path to report (for example
 * `dist/cli.js` or `dist/cli.js.map!sources[12]`).
 */
export function scanSecrets(
  text: string,
  file: string,
  report: (f: RawFinding) => void,
  mask?: Mask,
): void {
  scan(text, file, report, mask)
}

/**
 * A sink that scans a streamed file window by window, as `scanBytes` scans a whole one: a
 * binary (judged by its first window) by its printable runs, a text as it is.
 */
export function secretSink(
  file: string,
  report: (f: RawFinding) => void,
  mask?: Mask,
  sizes?: WindowSizes,
): ChunkSink {
  const windows = new WindowScan()
  return new Windows((bytes, pos) => windows.scan(bytes, pos, file, report, mask), sizes)
}

/** The windows of one streamed file, scanned in order (on this thread or a worker). */
export class WindowScan {
  private binary: boolean | undefined
  private seenUpTo = 0

  scan(
    bytes: Buffer,
    pos: WindowPos,
    file: string,
    report: (f: RawFinding) => void,
    mask?: Mask,
  ): void {
    this.binary ??= isBinary(bytes)
    if (this.binary && !keywordInRuns(bytes, pos.from, pos.to, MIN_RUN)) return
    const text = this.binary ? printableRuns(bytes, MIN_RUN) : bytes.toString('latin1')
    this.seenUpTo = scan(text, file, report, mask, { ...pos, seenUpTo: this.seenUpTo })
  }
}

/** Scans a file's bytes: text whole, binaries by their printable runs (offsets kept). */
export function scanBytes(
  content: Buffer,
  file: string,
  report: (f: RawFinding) => void,
  mask?: Mask,
): void {
  if (!isBinary(content)) return void scan(latin1Text(content), file, report, mask)
  if (keywordInRuns(content, 0, content.length, MIN_RUN))
    scan(printableRuns(content, MIN_RUN), file, report, mask)
}

/**
 * Low-confidence matches (a checksum that fails, a value that looks like a test one, a key
 * body that does not parse, credentials for a local host) are reported under one shared id,
 * `secret/unverified`, whose default severity is notice: a RawFinding has no severity, and one
 * id lets a project turn all doubtful matches up or off at once.
 */
const unverifiedMeta: RuleMeta = {
  id: UNVERIFIED,
  category: 'leak',
  severity: 'notice',
  description:
    'Something shaped like a secret that did not pass its structural check (checksum, key body) or looks like a test value.',
}

/** The `secret/*` rule family: every file is scanned except source maps (read by the sourcemap rules). */
export const secretRules: RuleFamily = {
  rules: [
    ...DETECTORS.map((d): RuleMeta => ({
      id: d.id,
      category: 'leak',
      severity: d.severity ?? 'error',
      description: d.description,
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
}
