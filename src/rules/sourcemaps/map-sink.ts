import { formatSize } from '../../config/units.js'
import type { RawFinding } from '../../findings.js'
import type { Entry } from '../../sources/types.js'
import { position } from '../position.js'
import type { SecretScanning } from '../secrets/engine/service.js'
import { latin1Text } from '../text.js'
import { absoluteHost, decodeDataUrl, findMappingUrls } from './comments.js'
import { MAX_URL, type StreamedUrl } from './comment-stream.js'
import type { EmbeddedMap } from './judge.js'
import type { ListedMap } from './listed-maps.js'
import { MalformedMap, type MapSources } from './map-scan.js'
import { scanMap } from './scan-map.js'
import { MapSniff } from './map-sniff.js'
import { describeSources, isDependency, summarize, type SourcesSummary } from './sources-summary.js'
import { mayShip, sourceFileOf, type Copy } from './copies.js'

/** The ids this family reports. */
export type SourcemapId =
  | 'sourcemap/sources-content'
  | 'sourcemap/inline'
  | 'sourcemap/file'
  | 'sourcemap/external-url'
  | 'sourcemap/malformed'

/**
 * Where findings go, and where embedded sources go to be scanned for secrets. Maps are judged
 * once the whole artifact is read (its license, its baseline), so they are handed over as read.
 */
export interface Sink {
  report: (f: RawFinding<SourcemapId>) => void
  secrets: SecretScanning
  /** A map with embedded sources, and the finding to report once judged. */
  embedded: (
    map: EmbeddedMap,
    f: RawFinding<'sourcemap/sources-content' | 'sourcemap/inline'>,
  ) => void
  /** A map file that embeds no sources. */
  listed: (map: ListedMap) => void
}

/** Scans a map, sending each embedded source to the secret scanner as `map!sources[i]`. */
function readMap(text: string, file: string, sink: Sink): MapSources {
  return scanMap(text, scanEmbedded(file, sink), (raw) => sink.secrets.skim(raw), wantSum(file))
}

/** Sources of the map (or the file with an inline map) at `file` that may ship beside it. */
export const wantSum = (file: string) => (source: string) => mayShip(file, source)

export const scanEmbedded = (file: string, sink: Sink) => (i: number, content: string) =>
  sink.secrets.text(content, `${file}!sources[${i}]`)

/** Reports what a map file exposes, once it is read. */
export function reportMap(e: Entry, map: MapSources, sink: Sink): void {
  const embedded = summarize(map, true)
  if (embedded.firstParty + embedded.dependencies > 0) {
    sink.embedded(
      { path: e.path, inline: false, embedded, copies: copiesOf(e.path, map) },
      {
        rule: 'sourcemap/sources-content',
        file: e.path,
        message: `${e.path} embeds ${describeSources(embedded, true)}`,
        data: exposure(embedded, e.size),
      },
    )
    return
  }
  sink.listed({ path: e.path, size: e.size, listed: summarize(map, false) })
}

/**
 * The first-party embedded sources as files of the artifact, with their checksums; undefined
 * when one of them cannot ship beside the map (its path leads outside, or it was not summed).
 */
function copiesOf(file: string, map: MapSources): Copy[] | undefined {
  const copies: Copy[] = []
  for (let i = 0; i < map.sources.length; i++) {
    if (map.contentBytes[i] === undefined || isDependency(map.sources[i])) continue
    const sum = map.contentSums?.[i]
    const shipped = sourceFileOf(file, map.sources[i])
    if (!sum || shipped === undefined) return undefined
    copies.push({ file: shipped, ...sum })
  }
  return copies.length ? copies : undefined
}

/** The numbers a report shows in its source-map exposure table. */
function exposure(s: SourcesSummary, mapBytes: number): Record<string, number> {
  return {
    mapBytes,
    firstParty: s.firstParty,
    firstPartyBytes: s.firstPartyBytes,
    dependencies: s.dependencies,
    dependencyBytes: s.dependencyBytes,
  }
}

export function checkComments(e: Entry, sink: Sink): void {
  const text = latin1Text(e.content as Buffer)
  for (const { url, offset } of findMappingUrls(text)) {
    onMappingUrl(e, { url, size: url.length, start: url, line: position(text, offset).line }, sink)
  }
}

export function onMappingUrl(e: Entry, u: StreamedUrl, sink: Sink): void {
  const { url, line } = u
  if (/^data:/i.test(u.start)) {
    checkInline(e, url, u.size, line, sink)
    return
  }
  const host = absoluteHost(u.start)
  if (host) {
    sink.report({
      rule: 'sourcemap/external-url',
      file: e.path,
      line,
      message: `${e.path} points its source map to ${host} (an absolute URL): the map is served from there`,
      key: host,
    })
  }
}

function checkInline(
  e: Entry,
  url: string | undefined,
  size: number,
  line: number,
  sink: Sink,
): void {
  const inline = (detail: string, extra: Partial<RawFinding<'sourcemap/inline'>> = {}) =>
    ({
      rule: 'sourcemap/inline',
      file: e.path,
      line,
      message: `${e.path} carries an inline source map (${formatSize(size)}) ${detail}`,
      key: String(line),
      ...extra,
    }) as const
  if (url === undefined) {
    sink.report(
      inline(`too large to read (over ${formatSize(MAX_URL)}); its content was not checked`),
    )
    return
  }
  const data = decodeDataUrl(url)
  if (data === undefined) return
  // Only a comment whose data decodes to a JSON object is a map: code that builds such a
  // comment (a bundler's own source: "...base64," + encoded) carries none. Its bytes are read
  // as a map file's are: after a BOM or whitespace, in UTF-8 or UTF-16.
  const sniff = new MapSniff()
  const bytes = Buffer.concat([sniff.write(data), sniff.end()])
  if (sniff.verdict !== 'map') return
  const json = bytes.toString('latin1')
  const where = `${e.path}:${line}!inline-map`
  let map: MapSources
  try {
    map = readMap(json, where, sink)
  } catch (err) {
    if (!(err instanceof MalformedMap)) throw err
    sink.report(inline(`that cannot be read (${err.message}); its content was not checked`))
    return
  }
  const embedded = summarize(map, true)
  if (embedded.firstParty + embedded.dependencies > 0) {
    const detail = `embedding ${describeSources(embedded, true)}`
    sink.embedded(
      { path: e.path, inline: true, embedded, copies: copiesOf(e.path, map) },
      inline(detail, { data: exposure(embedded, size) }),
    )
    return
  }
  const listed = summarize(map, false)
  sink.report(
    inline(`listing ${describeSources(listed, false)} (no embedded content)`, {
      data: exposure(listed, size),
      severity: 'warning',
    }),
  )
}
