import type { ChunkSink } from '../../sources/body.js'
import type { Entry } from '../../sources/types.js'
import type { SecretScanning } from '../secrets/engine/service.js'
import { MalformedMap, MapScanner, type MapSources } from './map-scan.js'
import { leadGoesToText, MapSniff } from './map-sniff.js'
import { reportMap, scanEmbedded, wantSum, type Sink } from './map-sink.js'

/** A file named as a map: read as one whenever it is a JSON object with map keys. */
export const MAP_FILE = /\.map$/i

/**
 * Words in the bytes after an error that say the file meant to be a map: keys only maps have
 * (`"sources"` is in gyp files, tsconfigs and build configs too).
 */
const MAP_WORDS = ['"mappings"', '"sourcesContent"'].map((w) => Buffer.from(w))

/**
 * What the secret scanner gets of a map: every byte but the embedded sources (which go to it
 * decoded, one by one). A file held whole is scanned whole in one piece when nothing was cut
 * out of it (the common case: a JSON file that is no map), as any other file is.
 */
class RawText implements ChunkSink {
  private readonly pieces: Buffer[] = []
  private readonly stream?: ChunkSink

  constructor(
    private readonly secrets: SecretScanning,
    private readonly path: string,
    whole: boolean,
  ) {
    if (!whole) this.stream = secrets.sink(path)
  }

  write(b: Buffer): void {
    if (b.length === 0) return
    if (this.stream) return this.stream.write(b)
    const last = this.pieces.at(-1)
    if (last && last.buffer === b.buffer && last.byteOffset + last.length === b.byteOffset) {
      this.pieces[this.pieces.length - 1] = Buffer.from(
        b.buffer,
        last.byteOffset,
        last.length + b.length,
      )
    } else this.pieces.push(b)
  }

  end(): void {
    if (this.stream) return this.stream.end()
    const bytes = this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces)
    if (bytes.length) this.secrets.bytes(bytes, this.path)
  }
}

/**
 * The sourcemap family's reader of one file, whole or streamed. Its first bytes say whether it
 * is read as a map (a JSON object: see MapSniff), whatever its name; if not, its bytes go to
 * `text` (the sourceMappingURL search of scripts and pages), and secret scanning is left to the
 * secret rules. A map's bytes are secret-scanned here (see RawText), all of them, also past an
 * error: a map that cannot be read is `sourcemap/malformed` when it shows it meant to be one
 * (its name, its keys), and a JSON object that is no map is scanned as the text it is.
 */
export class MapFile implements ChunkSink {
  private readonly sniff = new MapSniff()
  private held: Buffer[] = []
  private scanner?: MapScanner
  private raw?: RawText
  private failure?: MalformedMap
  private evidence: boolean

  constructor(
    private readonly e: Entry,
    private readonly sink: Sink,
    private readonly whole: boolean,
    private readonly text?: ChunkSink,
  ) {
    this.evidence = MAP_FILE.test(e.path)
  }

  write(chunk: Buffer): void {
    if (this.sniff.verdict === 'map') return this.read(this.sniff.write(chunk))
    this.text?.write(chunk)
    if (this.sniff.verdict === 'text') return
    const bytes = this.sniff.write(chunk)
    this.settle(bytes)
  }

  end(): void {
    if (this.sniff.verdict === undefined) this.settle(this.sniff.end())
    else if (this.sniff.verdict === 'map') this.read(this.sniff.end())
    if (this.sniff.verdict !== 'map') {
      this.text?.end()
      return
    }
    this.finish()
  }

  /** Before a verdict: holds the lead, or starts reading the map at its `{`. */
  private settle(bytes: Buffer): void {
    const verdict = this.sniff.verdict
    if (verdict === undefined) {
      // A lead too long to hold is the secret scanner's (see HOLD_LEAD); so is a text's.
      if (!this.whole && leadGoesToText(this.sniff)) this.held = []
      else this.held.push(bytes)
      return
    }
    const held = this.held
    this.held = []
    if (verdict !== 'map') return
    const path = this.e.path
    const raw = (this.raw = new RawText(this.sink.secrets, path, this.whole))
    this.scanner = new MapScanner(
      scanEmbedded(path, this.sink),
      (s) => this.sink.secrets.skim(s),
      wantSum(path),
      (b) => raw.write(b),
      (text) => this.sink.secrets.text(text, path),
    )
    if (!this.whole && leadGoesToText(this.sniff)) {
      raw.write(bytes.subarray(0, this.sniff.brace))
      this.read(bytes.subarray(this.sniff.brace))
      return
    }
    for (const b of held) this.read(b)
    this.read(bytes)
  }

  private read(bytes: Buffer): void {
    if (this.failure) {
      this.raw?.write(bytes)
      if (!this.evidence) this.evidence = MAP_WORDS.some((w) => bytes.includes(w))
      return
    }
    try {
      this.scanner?.write(bytes)
    } catch (err) {
      this.fail(err)
      // The bytes after the error were handed on to `raw`; do they say it is a map?
      if (!this.evidence) this.evidence = MAP_WORDS.some((w) => bytes.includes(w))
    }
  }

  private fail(err: unknown): void {
    if (!(err instanceof MalformedMap)) throw err
    this.failure ??= err
    if (this.scanner?.mapKeys) this.evidence = true
  }

  private finish(): void {
    let map: MapSources | undefined
    if (!this.failure) {
      try {
        map = this.scanner?.end()
      } catch (err) {
        this.fail(err)
      }
    }
    this.raw?.end()
    const e = this.e
    if (this.failure) {
      if (!this.evidence) return
      this.sink.report({
        rule: 'sourcemap/malformed',
        file: e.path,
        message: `${e.path} looks like a source map but cannot be read (${this.failure.message}); its embedded sources were not checked as a map (its bytes were scanned for secrets as text)`,
      })
    } else if (map && (map.isMap || (this.evidence && this.scanner?.mapKeys))) {
      reportMap(e, map, this.sink)
    }
  }
}
