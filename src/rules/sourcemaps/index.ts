import { formatSize } from '../../config/units.js'
import type { Entry } from '../../sources/types.js'
import { scanSecrets } from '../secrets/index.js'
import { position } from '../position.js'
import { latin1Text } from '../text.js'
import type { RawFinding, RuleFamily } from '../types.js'
import { absoluteHost, decodeDataUrl, findMappingUrls } from './comments.js'
import { MalformedMap, scanMap, type MapSources } from './map-scan.js'
import { describeSources, summarize, type SourcesSummary } from './sources-summary.js'

const MAP_FILE = /\.map$/i
const SCRIPT_OR_STYLE = /\.(js|mjs|cjs|jsx|css)$/i

/** Source maps: map files, embedded sources, inline `data:` maps and external map URLs. */
export const sourcemapRules: RuleFamily = {
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
  create({ report, mask }) {
    const sink: Sink = { report, mask }
    return {
      entry(e) {
        if (e.type !== 'file' || !e.content) return
        if (MAP_FILE.test(e.path)) checkMapFile(e, sink)
        else if (SCRIPT_OR_STYLE.test(e.path)) checkComments(e, sink)
      },
    }
  },
}

/** Where findings go, and (in the Action) where raw secret values go to be masked. */
interface Sink {
  report: (f: RawFinding) => void
  mask?: (value: string) => void
}

/** Scans a map, sending each embedded source to the secret scanner as `map!sources[i]`. */
function readMap(text: string, file: string, sink: Sink): MapSources {
  return scanMap(text, (i, content) =>
    scanSecrets(content, `${file}!sources[${i}]`, sink.report, sink.mask),
  )
}

/** The spec lets a map start with `)]}'` (an anti-XSSI prefix); anything not a JSON object is no map. */
function mapText(content: Buffer): string | undefined {
  // latin1: one byte per character whatever the map holds (a UTF-8 decode of a map with any
  // non-ASCII character would double its size in memory), and byte offsets for the secret scan.
  const text = content.toString('latin1').replace(/^\)\]\}'[^\n]*\n/, '')
  return /^\s*\{/.test(text.slice(0, 1024)) ? text : undefined
}

function checkMapFile(e: Entry, sink: Sink): void {
  const text = mapText(e.content as Buffer)
  if (text === undefined) return
  let map: MapSources
  try {
    map = readMap(text, e.path, sink)
  } catch (err) {
    if (!(err instanceof MalformedMap)) throw err
    sink.report({
      rule: 'sourcemap/malformed',
      file: e.path,
      message: `${e.path} looks like a source map but cannot be read (${err.message}); its content was not checked`,
    })
    return
  }
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
    const { line } = position(text, offset)
    if (/^data:/i.test(url)) {
      checkInline(e, url, line, sink)
      continue
    }
    const host = absoluteHost(url)
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
}

function checkInline(e: Entry, url: string, line: number, sink: Sink): void {
  const json = decodeDataUrl(url)
  const where = `${e.path}:${line}!inline-map`
  let detail = 'that cannot be decoded'
  let data: Record<string, number> | undefined
  if (json !== undefined) {
    try {
      const map = readMap(json, where, sink)
      const embedded = summarize(map, true)
      data = exposure(
        embedded.firstParty + embedded.dependencies > 0 ? embedded : summarize(map, false),
        url.length,
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
    message: `${e.path} carries an inline source map (${formatSize(url.length)}) ${detail}`,
    key: String(line),
    data,
  })
}
