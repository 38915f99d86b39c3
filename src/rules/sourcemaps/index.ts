import type { RawFinding } from '../../findings.js'
import type { Entry } from '../../sources/types.js'
import { openness, type MetadataTexts } from '../licenses/openness.js'
import { defineFamily } from '../types.js'
import { MappingUrlStream } from './comment-stream.js'
import { ShippedFiles } from './copies.js'
import { judgeEmbedded, type EmbeddedMap } from './judge.js'
import { isDeclarationMap, listedMapsFinding, type ListedMap } from './listed-maps.js'
import { MapFile } from './map-file.js'
import { checkComments, onMappingUrl, type Sink } from './map-sink.js'

/**
 * Files searched for `sourceMappingURL` comments: scripts and styles, pages and SVG (their
 * `<script>` and `<style>`), and files without an extension (a `bin/` script).
 */
const SCRIPT_OR_STYLE = /\.(js|mjs|cjs|jsx|css|html?|xhtml|svg)$|(^|\/)[^./]+$/i

/** The metadata file an entry is, for judging whether the artifact's sources are public. */
function metadataKind(path: string): keyof MetadataTexts | undefined {
  if (path === 'package.json' || path === 'extension/package.json') return 'packageJson'
  if (/^[^/]+\.dist-info\/METADATA$/.test(path)) return 'wheelMetadata'
  if (/^META-INF\/maven\/[^/]+\/[^/]+\/pom\.xml$/.test(path)) return 'pom'
  return undefined
}

/** Source maps: map files, embedded sources, inline `data:` maps and external map URLs. */
export const sourcemapRules = defineFamily({
  rules: [
    {
      id: 'sourcemap/sources-content',
      category: 'leak',
      severity: 'error',
      description: 'A source map embeds original source code (`sourcesContent`).',
      judged:
        "an error when the embedded first-party sources are not otherwise public (the package's license is not an OSI-approved SPDX expression, it is private, or it names no public repository; for wheels and jars their METADATA or pom.xml says, and where nothing says it stays an error) or when the map is new against the lockfile or baseline; a warning when they are public anyway (the message says why); a notice when the map embeds only dependency code (node_modules), or when every first-party source it embeds also ships in the artifact byte-identical (at the path its `sources` entry names, after the map in the archive, as npm packs `dist/` before `src/`).",
    },
    {
      id: 'sourcemap/inline',
      category: 'leak',
      severity: 'error',
      description: 'Shipped JS or CSS carries an inline `data:` source map.',
      judged:
        'judged as `sourcemap/sources-content` when it embeds sources; a warning when it only lists source paths. Only a comment whose data decodes to a JSON object is a map.',
    },
    {
      id: 'sourcemap/file',
      category: 'leak',
      severity: 'warning',
      description:
        'Source map files ship; without embedded content they still reveal the source tree (one finding per artifact; declaration maps `.d.ts.map` only in `strict`).',
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
      severity: 'error',
      description:
        'A source map cannot be read (invalid JSON, data after it, a duplicate key, a value over a limit): what it embeds was not checked as a map. Its bytes are still scanned for secrets as text. A file is taken for a malformed map by its `.map` name or by keys only maps have (`mappings`, `sourcesContent`, `sections`; not `sources`, which gyp files and tsconfigs have too); any other JSON-like file that does not parse (a `binding.gyp` with a trailing comma) is scanned as text only. `"sourcesContent": null` is read as no embedded sources.',
    },
  ],
  create({ report, secrets, config }) {
    const embedded: Array<{ map: EmbeddedMap; finding: RawFinding<EmbeddedId> }> = []
    const shipped = new ShippedFiles()
    const listed: ListedMap[] = []
    const metadata: MetadataTexts = {}
    const sink: Sink = {
      report,
      secrets,
      embedded: (map, finding) => {
        embedded.push({ map, finding })
        if (map.copies) shipped.want(map.copies)
      },
      listed: (map) => {
        if (config.extends === 'strict' || !isDeclarationMap(map.path)) listed.push(map)
      },
    }
    return {
      stream(e) {
        if (e.type !== 'file') return undefined
        const text = SCRIPT_OR_STYLE.test(e.path)
          ? new MappingUrlStream((u) => onMappingUrl(e, u, sink))
          : undefined
        return new MapFile(e, sink, false, text)
      },
      entry(e: Entry) {
        if (e.type !== 'file' || !e.content) return
        const kind = e.depth ? undefined : metadataKind(e.path)
        if (kind) metadata[kind] ??= e.content.toString('utf8')
        shipped.note(e)
        // Read as a map by its content; else its comments are searched once it is known.
        const text = SCRIPT_OR_STYLE.test(e.path)
          ? { write() {}, end: () => checkComments(e, sink) }
          : undefined
        const file = new MapFile(e, sink, true, text)
        file.write(e.content)
        file.end()
      },
      end(_entries, { drift }) {
        const open = embedded.length ? openness(metadata) : undefined
        for (const { map, finding } of embedded) {
          const { severity, reason, because } = judgeEmbedded(map, open!, shipped, drift)
          report({
            ...finding,
            message: reason ? `${finding.message} (${reason})` : finding.message,
            severity,
            ...(because ? { because } : {}),
          })
        }
        const files = listedMapsFinding(listed)
        if (files) report(files)
      },
    }
  },
})

type EmbeddedId = 'sourcemap/sources-content' | 'sourcemap/inline'
