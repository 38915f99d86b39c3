import { formatSize } from '../../config/units.js'
import type { ChunkSink } from '../../sources/body.js'
import type { Entry } from '../../sources/types.js'
import type { SecretScanning } from '../secrets/engine/service.js'
import { position } from '../position.js'
import { latin1Text } from '../text.js'
import { defineFamily } from '../types.js'
import type { RawFinding } from '../../findings.js'
import { absoluteHost, decodeDataUrl, findMappingUrls } from './comments.js'
import { MappingUrlStream, MAX_URL, type StreamedUrl } from './comment-stream.js'
import { MalformedMap, MapScanner, scanMap, type MapSources } from './map-scan.js'
import { describeSources, summarize, type SourcesSummary } from './sources-summary.js'

const MAP_FILE = /\.map$/i
const SCRIPT_OR_STYLE = /\.(js|mjs|cjs|jsx|css)$/i

/** Source maps: map files, embedded sources, inline `data:` maps and external map URLs. */
export const sourcemapRules = defineFamily({
  rules: [
    {
      id: 'sourcemap/sources-content',
      category: 'leak',
      severity: 'error',
      description: 'A source map embeds original source code (`sourcesContent`).',
    },
    {
      id: 'sourcemap/inline',
      category: 'leak',
      severity: 'error',
      description: 'Shipped JS or CSS carries an inline `data:` source map.',
    },
    {
      id: 'sourcemap/file',
      category: 'leak',
      severity: 'warning',
      description:
        'A source map file ships; without embedded content it still reveals the source tree.',
    },
    {
      id: 'sourcemap/external-url',
      category: 'leak',
      severity: 'warning',
      description:
        '`sourceMappingURL` points to an absolute URL (a server or bucket that serves the map).',
    },
    {
      id: 'sourcemap/malformed',
      category: 'leak',
      severity: 'warning',
      description: 'A source map cannot be read; what it holds was not checked.',
    },
  ],
  create({ report, secrets }) {
    const sink: Sink = { report, secrets }
    return {
      stream(e) {
        if (MAP_FILE.test(e.path)) return mapSink(e, sink)
        if (SCRIPT_OR_STYLE.test(e.path))
          return new MappingUrlStream((u) => onMappingUrl(e, u, sink))
        return undefined
      },
      entry(e) {
        if (e.type !== 'file' || !e.content) return
        if (MAP_FILE.test(e.path)) {
          const s = mapSink(e, sink)
          s.write(e.content)
          s.end()
        } else if (SCRIPT_OR_STYLE.test(e.path)) {
          checkComments(e, sink)
        }
      },
    }
  },
})

/** Where findings go, and where embedded sources go to be scanned for secrets. */
/** The ids this family reports. */
type SourcemapId =
  | 'sourcemap/sources-content'
  | 'sourcemap/inline'
  | 'sourcemap/file'
  | 'sourcemap/external-url'
  | 'sourcemap/malformed'

interface Sink {
  report: (f: RawFinding<SourcemapId>) => void
  secrets: SecretScanning
}

/** Scans a map, sending each embedded source to the secret scanner as `map!sources[i]`. */
function readMap(text: string, file: string, sink: Sink): MapSources {
  return scanMap(text, scanEmbedded(file, sink), (raw) => sink.secrets.skim(raw))
}

const scanEmbedded = (file: string, sink: Sink) => (i: number, content: string) =>
  sink.secrets.text(content, `${file}!sources[${i}]`)

/**
 * Reads a map file chunk by chunk (whole or streamed): its embedded sources are secret-scanned
 * as they complete, and once it ends, what it exposes is reported. A file that is not a JSON
 * object is no map (nothing is reported); one that cannot be read is `sourcemap/malformed`.
 */
function mapSink(e: Entry, sink: Sink): ChunkSink {
  const scanner = new MapScanner(scanEmbedded(e.path, sink), (raw) => sink.secrets.skim(raw))
  let failure: MalformedMap | undefined
  const fail = (err: unknown) => {
    if (!(err instanceof MalformedMap)) throw err
    failure ??= err
  }
  return {
    write(chunk) {
      if (failure || scanner.notAMap) return
      try {
        scanner.write(chunk)
      } catch (err) {
        fail(err)
      }
    },
    end() {
      let map: MapSources | undefined
      if (!failure) {
        try {
          map = scanner.end()
        } catch (err) {
          fail(err)
        }
      }
      if (failure) {
        sink.report({
          rule: 'sourcemap/malformed',
          file: e.path,
          message: `${e.path} looks like a source map but cannot be read (${failure.message}); its content was not checked`,
        })
      } else if (map) {
        reportMap(e, map, sink)
      }
    },
  }
}

function reportMap(e: Entry, map: MapSources, sink: Sink): void {
  const embedded = summarize(map, true)
  if (embedded.firstParty + embedded.dependencies > 0) {
    sink.report({
      rule: 'sourcemap/sources-content',
      file: e.path,
      message: `${e.path} embeds ${describeSources(embedded, true)}`,
      data: exposure(embedded, e.size),
    })
    return
  }
  const listed = summarize(map, false)
  const what =
    listed.firstParty + listed.dependencies > 0
      ? `lists ${describeSources(listed, false)} (no embedded content)`
      : 'ships (no sources listed)'
  sink.report({
    rule: 'sourcemap/file',
    file: e.path,
    message: `source map ${e.path} ${what}`,
    data: exposure(listed, e.size),
  })
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

function checkComments(e: Entry, sink: Sink): void {
  const text = latin1Text(e.content as Buffer)
  for (const { url, offset } of findMappingUrls(text)) {
    onMappingUrl(e, { url, size: url.length, start: url, line: position(text, offset).line }, sink)
  }
}

function onMappingUrl(e: Entry, u: StreamedUrl, sink: Sink): void {
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
  const json = url === undefined ? undefined : decodeDataUrl(url)
  const where = `${e.path}:${line}!inline-map`
  let detail =
    url === undefined
      ? `too large to read (over ${formatSize(MAX_URL)}); its content was not checked`
      : 'that cannot be decoded'
  let data: Record<string, number> | undefined
  if (json !== undefined) {
    try {
      const map = readMap(json, where, sink)
      const embedded = summarize(map, true)
      data = exposure(
        embedded.firstParty + embedded.dependencies > 0 ? embedded : summarize(map, false),
        size,
      )
      detail =
        embedded.firstParty + embedded.dependencies > 0
          ? `embedding ${describeSources(embedded, true)}`
          : `listing ${describeSources(summarize(map, false), false)}`
    } catch (err) {
      if (!(err instanceof MalformedMap)) throw err
      detail = `that cannot be read (${err.message})`
    }
  }
  sink.report({
    rule: 'sourcemap/inline',
    file: e.path,
    line,
    message: `${e.path} carries an inline source map (${formatSize(size)}) ${detail}`,
    key: String(line),
    data,
  })
}
