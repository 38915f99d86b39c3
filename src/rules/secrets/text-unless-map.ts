import type { ChunkSink } from '../../sources/body.js'
import { leadGoesToText, MapSniff, mapReaderScans } from '../sourcemaps/map-sniff.js'

/**
 * A streamed file's chunks for the secret scanner, unless its first bytes say it is read as a
 * source map (the sourcemap rules then scan all of it; see mapReaderScans). Chunks are held while that is not
 * known (a lead of whitespace or a `)]}'` line), up to HOLD_LEAD; past it they are scanned
 * here, and the map reader starts where the verdict comes (see leadGoesToText).
 */
export class TextUnlessMap implements ChunkSink {
  private readonly sniff = new MapSniff()
  private held: Buffer[] = []
  private out?: ChunkSink
  private map = false

  constructor(private readonly open: () => ChunkSink) {}

  write(chunk: Buffer): void {
    if (this.map) return
    if (this.out && this.sniff.verdict !== undefined) return this.out.write(chunk)
    this.sniff.write(chunk)
    if (mapReaderScans(this.sniff)) return this.toMap()
    this.held.push(chunk)
    if (this.sniff.verdict !== undefined || leadGoesToText(this.sniff)) this.flush()
  }

  end(): void {
    if (this.map) return
    if (this.sniff.verdict === undefined) {
      this.sniff.end()
      if (mapReaderScans(this.sniff)) return this.toMap()
    }
    this.flush()
    this.out?.end()
  }

  private toMap(): void {
    this.map = true
    this.held = []
    this.out?.end()
  }

  private flush(): void {
    this.out ??= this.open()
    for (const b of this.held) this.out.write(b)
    this.held = []
  }
}
