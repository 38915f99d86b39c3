import { defineFamily, type RuleMeta } from '../types.js'
import { DETECTORS, type DetectorId } from './detectors/index.js'
import { UNVERIFIED } from './engine/scanner.js'
import { mapReaderScans, sniffWhole } from '../sourcemaps/map-sniff.js'
import { TextUnlessMap } from './text-unless-map.js'
import { gitObjects } from './git-objects.js'
import { NameScan } from './names.js'

/**
 * Low-confidence matches (a checksum that fails, a value that looks like a test one, a key
 * body that does not parse, credentials for this machine, a value presented as a format
 * example) are reported under one shared id,
 * `secret/unverified`, whose default severity is notice: a RawFinding has no severity, and one
 * id lets a project turn all doubtful matches up or off at once.
 */
const unverifiedMeta: RuleMeta<typeof UNVERIFIED> = {
  id: UNVERIFIED,
  category: 'leak',
  severity: 'notice',
  description:
    'Something shaped like a secret that did not pass its structural check (checksum, key body), looks like a test value, is a credential for this machine (`localhost`, `127.0.0.0/8`, `[::1]`, `*.localhost`), or is presented as an example of its format (`like`, `e.g.`, `for example`, `for instance`, `such as`, `example`, `format` shortly before it in the same sentence; never a token whose provider checksum verifies).',
}

/**
 * The `secret/*` rule family: every file is scanned, except a file that starts like a source
 * map (a JSON object, see MapSniff), which the sourcemap rules read and secret-scan whole.
 */
export const secretRules = defineFamily({
  rules: [
    ...DETECTORS.map((d): RuleMeta<DetectorId> => ({
      id: d.id,
      category: 'leak',
      severity: d.severity ?? 'error',
      description: d.description,
      ...(d.judged && { judged: d.judged }),
    })),
    unverifiedMeta,
  ],
  create({ secrets, config, artifact }) {
    const archiveName = artifact.slice(artifact.lastIndexOf('/') + 1)
    const names = new NameScan((name, path) => secrets.text(name, path))
    // A shipped .git/'s objects are zlib streams: inflated within the safety limits.
    let inflated = 0
    return {
      stream(e) {
        return new TextUnlessMap(() => secrets.sink(e.path))
      },
      entry(e) {
        names.scan(e.path)
        // Comments and extended attributes the archive keeps (`x.zip!comment`, `a!pax:comment`).
        for (const t of e.texts ?? [])
          secrets.text(t.text, t.path.startsWith('!') ? `${archiveName}${t.path}` : t.path)
        if (e.type !== 'file' || !e.content) return
        if (mapReaderScans(sniffWhole(e.content))) return
        secrets.bytes(e.content, e.path)
        if (e.path.includes('.git/objects/')) {
          const { maxEntryBytes, maxTotalBytes } = config.safety
          const room = Math.min(maxEntryBytes, maxTotalBytes - inflated)
          for (const o of gitObjects(e.path, e.content, room) ?? []) {
            inflated += o.bytes.length
            secrets.bytes(o.bytes, o.file)
          }
        }
      },
    }
  },
})
