import type { RawFinding } from '../../../findings.js'
import type { ChunkSink } from '../../../sources/body.js'
import { latin1Text } from '../../text.js'
import { Windows, type WindowPos, type WindowSizes } from '../../windows.js'
import { base64Values, isConfigFile } from './base64-values.js'
import { isBinary, printableRuns } from './binary.js'
import { isPyc, marshalStrings, utf16Of, utf16Text } from './encodings.js'
import { createScanner, type Mask, type Scanner } from './scanner.js'
import type { Detector } from './types.js'

/** Printable runs shorter than this are not scanned in binaries (as `strings` does). */
const MIN_RUN = 8

/**
 * Scanning over one detector set, compiled (keyword filter, SIMD tables, per-keyword regexes)
 * the first time something is scanned: a run that scans nothing (`--version`, a config error)
 * never pays for it.
 */
export class SecretScan {
  private compiled: Scanner | undefined

  constructor(private readonly load: () => readonly Detector[]) {}

  get scanner(): Scanner {
    return (this.compiled ??= createScanner(this.load()))
  }

  /**
   * Scans one text (decoded as latin1, so offsets are byte offsets) and reports each secret as
   * a RawFinding with redacted evidence. `file` is the path to report (`dist/cli.js` or
   * `dist/cli.js.map!sources[12]`).
   */
  text(text: string, file: string, report: (f: RawFinding) => void, mask?: Mask): void {
    this.scanner.scan(text, file, report, mask)
  }

  /** Scans a file's bytes: text whole, binaries by their printable runs (offsets kept). */
  bytes(content: Buffer, file: string, report: (f: RawFinding) => void, mask?: Mask): void {
    const { scan, keywordInRuns } = this.scanner
    if (!isBinary(content)) {
      const text = latin1Text(content)
      scan(text, file, report, mask)
      // base64 values of credential-named keys, decoded: config files only.
      if (isConfigFile(file))
        for (const { line, decoded } of base64Values(text))
          scan(decoded, `${file}!base64[line ${line}]`, report, mask)
      return
    }
    // UTF-16 text (a BOM, or the NUL pattern of its first bytes) is read as text.
    const utf16 = utf16Of(content)
    if (utf16) return void scan(utf16Text(content, utf16), file, report, mask)
    if (!keywordInRuns(content, 0, content.length, MIN_RUN)) return
    scan(printableRuns(content, MIN_RUN), file, report, mask)
    // A .pyc's strings once more, each alone (what a token ends on is the next type byte); a
    // hit seen both ways is one finding (same rule, file and value).
    if (isPyc(file, content)) scan(marshalStrings(content), file, report, mask)
  }

  /** See Scanner.redactText: the text with every secret in it redacted. */
  redactText(text: string): string {
    return this.scanner.redactText(text)
  }

  /** See Scanner.skim: the decoded length of a JSON string's raw text that holds no secret. */
  skim(raw: string): number | undefined {
    return this.scanner.skim(raw)
  }

  /**
   * A sink that scans a streamed file window by window, as `bytes` scans a whole one: a binary
   * (judged by its first window) by its printable runs, a text as it is.
   */
  sink(file: string, report: (f: RawFinding) => void, mask?: Mask, sizes?: WindowSizes): ChunkSink {
    const windows = new WindowScan(this)
    return new Windows((bytes, pos) => windows.scan(bytes, pos, file, report, mask), sizes)
  }
}

/** The windows of one streamed file, scanned in order (on this thread or a worker). */
export class WindowScan {
  private binary: boolean | undefined
  private seenUpTo = 0

  constructor(private readonly engine: SecretScan) {}

  scan(
    bytes: Buffer,
    pos: WindowPos,
    file: string,
    report: (f: RawFinding) => void,
    mask?: Mask,
  ): void {
    const { scan, keywordInRuns } = this.engine.scanner
    this.binary ??= isBinary(bytes)
    if (this.binary && !keywordInRuns(bytes, pos.from, pos.to, MIN_RUN)) return
    const text = this.binary ? printableRuns(bytes, MIN_RUN) : bytes.toString('latin1')
    this.seenUpTo = scan(text, file, report, mask, { ...pos, seenUpTo: this.seenUpTo })
  }
}
