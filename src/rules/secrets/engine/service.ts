import type { ChunkSink } from '../../../sources/body.js'
import type { RawFinding } from '../../../findings.js'
import type { WindowSizes } from '../../windows.js'
import type { SecretScan } from './scan.js'
import type { Mask } from './scanner.js'

/**
 * Secret scanning as the rules ask for it. Findings go to the artifact's report, maybe later
 * (a worker thread), but always before `settle()` resolves.
 */
export interface SecretScanning {
  /** A text (latin1) scanned whole: an embedded source, an inline map's source. */
  text(text: string, file: string): void
  /**
   * For an embedded source's raw JSON text: its decoded length when it surely holds no secret
   * (it need not be decoded, nor handed to `text`), else undefined (see Scanner.skim).
   */
  skim(raw: string): number | undefined
  /** A file held whole: a text, or a binary by its printable runs. */
  bytes(content: Buffer, file: string): void
  /** A sink for a file that streams (over STREAM_ABOVE). */
  sink(file: string): ChunkSink
  /**
   * Resolves when more work may be handed over (the worker is not too far behind); undefined
   * when it may be at once.
   */
  ready(): Promise<void> | undefined
  /** Resolves once every finding of the work handed over has been reported. */
  settle(): Promise<void>
}

/** Where secret scanning runs for a check: one per run, opened once per artifact. */
export interface ScannerHost {
  open(report: (f: RawFinding) => void, mask?: Mask): SecretScanning
  close(): Promise<void>
}

const done = Promise.resolve()

/** Scanning on the calling thread: findings are reported at once. */
export function localScanning(
  engine: SecretScan,
  report: (f: RawFinding) => void,
  mask?: Mask,
  sizes?: WindowSizes,
): SecretScanning {
  return {
    text: (text, file) => engine.text(text, file, report, mask),
    skim: (raw) => engine.skim(raw),
    bytes: (content, file) => engine.bytes(content, file, report, mask),
    sink: (file) => engine.sink(file, report, mask, sizes),
    ready: () => undefined,
    settle: () => done,
  }
}

/** Scanning on the calling thread, for a whole check. */
export function localHost(engine: SecretScan): ScannerHost {
  return { open: (report, mask) => localScanning(engine, report, mask), close: async () => {} }
}
