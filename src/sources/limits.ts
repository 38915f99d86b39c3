/** Safety limits for reading one artifact; every hostile archive is bounded by these. */
export interface SafetyLimits {
  /** Total bytes of entry content read from one artifact. */
  maxTotalBytes: number
  /** Bytes of one entry; a larger entry is not read and is reported. */
  maxEntryBytes: number
  /** Number of entries in one artifact. */
  maxEntries: number
  /** Unpacked bytes per compressed byte, checked once the artifact has unpacked 16 MiB. */
  maxRatio: number
  /** How many archives deep nested archives are opened (a .jar in a .zip is depth 1). */
  maxDepth: number
}

const RATIO_FLOOR = 16 * 1024 ** 2

/**
 * The most of a root `package.json` that is parsed: 20 times the largest one among hundreds of
 * popular packages (date-fns, ~200 KB). Past it the manifest is not read (a finding says so):
 * a 50 MB one took 700 MB of memory, and every `exports` entry becomes work for several rules.
 */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024

/** A limit was hit: reading stops and the check reports `archive/limit-exceeded`. */
export class LimitExceeded extends Error {
  constructor(
    readonly limit: keyof SafetyLimits,
    readonly detail: string,
    readonly file = '',
  ) {
    super(detail)
    this.name = 'LimitExceeded'
  }
}

/** Counts what one artifact has unpacked so far and throws `LimitExceeded` past a limit. */
export class Budget {
  entries = 0
  bytes = 0
  compressedBytes = 0

  constructor(readonly limits: SafetyLimits) {}

  addEntry(path: string): void {
    this.entries++
    if (this.entries > this.limits.maxEntries) {
      throw new LimitExceeded(
        'maxEntries',
        `more than ${this.limits.maxEntries} entries (max-entries); reading stopped at ${path}`,
        path,
      )
    }
  }

  /** Whether an entry of this declared size may be read at all. */
  entryFits(size: number): boolean {
    return size <= this.limits.maxEntryBytes
  }

  addBytes(n: number, path: string): void {
    this.bytes += n
    if (this.bytes > this.limits.maxTotalBytes) {
      throw new LimitExceeded(
        'maxTotalBytes',
        `more than ${this.limits.maxTotalBytes} unpacked bytes (max-total-bytes); reading stopped at ${path}`,
        path,
      )
    }
    this.checkRatio(path)
  }

  addCompressed(n: number): void {
    this.compressedBytes += n
  }

  private checkRatio(path: string): void {
    if (this.bytes < RATIO_FLOOR || this.compressedBytes === 0) return
    const ratio = this.bytes / this.compressedBytes
    if (ratio > this.limits.maxRatio) {
      throw new LimitExceeded(
        'maxRatio',
        `compression ratio over ${this.limits.maxRatio}:1 (max-ratio; ${Math.round(ratio)}:1 so far); reading stopped at ${path}`,
        path,
      )
    }
  }
}

/** The reason recorded on an entry that is larger than max-entry-bytes and so was not read. */
export function tooLarge(budget: Budget): { kind: 'limit'; detail: string } {
  return {
    kind: 'limit',
    detail: `larger than max-entry-bytes (${budget.limits.maxEntryBytes}); not read`,
  }
}
