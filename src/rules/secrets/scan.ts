import type { RawFinding } from '../../findings.js'
import type { ChunkSink } from '../../sources/body.js'
import type { WindowSizes } from '../windows.js'
import { DETECTORS } from './detectors/index.js'
import { SecretScan, WindowScan } from './engine/scan.js'
import type { Mask } from './engine/scanner.js'

/** The built-in detectors, compiled when a scan first needs them. */
export const secretScan = new SecretScan(() => DETECTORS)

/** Scans one latin1 text with the built-in detectors (see SecretScan.text). */
export function scanSecrets(
  text: string,
  file: string,
  report: (f: RawFinding) => void,
  mask?: Mask,
): void {
  secretScan.text(text, file, report, mask)
}

/** Scans a file's bytes with the built-in detectors (see SecretScan.bytes). */
export function scanBytes(
  content: Buffer,
  file: string,
  report: (f: RawFinding) => void,
  mask?: Mask,
): void {
  secretScan.bytes(content, file, report, mask)
}

/** A sink for a streamed file, scanned with the built-in detectors (see SecretScan.sink). */
export function secretSink(
  file: string,
  report: (f: RawFinding) => void,
  mask?: Mask,
  sizes?: WindowSizes,
): ChunkSink {
  return secretScan.sink(file, report, mask, sizes)
}

/** See Scanner.skim, with the built-in detectors. */
export function skimSecrets(raw: string): number | undefined {
  return secretScan.skim(raw)
}

/** A streamed file's window scan with the built-in detectors. */
export function windowScan(): WindowScan {
  return new WindowScan(secretScan)
}
