import { describe, expect, test } from '@jest/globals'
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { checkBytes } from './helpers/check.js'
import { npmTgz } from './helpers/tar.js'

// Every detector's must-match samples, in each place a package carries a token, read the way a
// real artifact is read (an npm tarball through check()): each sample must be found there, and
// labelled as its own provider's, by no other detector.

interface Sample {
  id: string
  text: string
  /** Folder of the sample's files inside the package. */
  dir: string
}

const SAMPLES: Sample[] = DETECTORS.flatMap((d) =>
  d.samples.match().map((text, i) => ({ id: d.id, text, dir: `${d.id.slice(7)}-${i}` })),
)

const q = (s: string) => JSON.stringify(s)
/** A single token or URL, with nothing around it. */
const bare = (s: string) => /^[^\s"'`]+$/.test(s) && !/^[A-Za-z_][\w.]*=/.test(s)
/** `.env` text: every line a `NAME=value` assignment. */
const envText = (s: string) =>
  s
    .split('\n')
    .filter((l) => l.trim())
    .every((l) => /^[A-Za-z_][\w.]*=/.test(l))

/** As a `.env` file holds it: bare values under a neutral name, other text quoted with escapes. */
function asEnv(s: string): string {
  if (envText(s)) return s
  return `APP_SETTING=${bare(s) ? s : q(s)}`
}

const NOISE = 'function(e,t,n){"use strict";var r=n(12),o=n.n(r);t.default=o()}'

type Place = [name: string, files: (s: string) => Record<string, string | Buffer>]

const PLACES: Place[] = [
  [
    'a webpack-style bundle',
    (s) => ({
      'dist/main.js': [
        '/******/ (() => { // webpackBootstrap',
        '/******/ \tvar __webpack_modules__ = ({',
        '/***/ 731:',
        '/***/ ((module) => {',
        '"use strict";',
        `const settings = ${q(s)};`,
        'module.exports = settings;',
        '/***/ })',
        '/******/ \t});',
        '/******/ })()',
        '',
      ].join('\n'),
    }),
  ],
  [
    'a one-line minified bundle',
    (s) => ({ 'dist/app.min.js': `${NOISE.repeat(30)};var a=${q(s)};${NOISE.repeat(30)}` }),
  ],
  ['a .env line', (s) => ({ '.env.production': `NODE_ENV=production\n${asEnv(s)}\nPORT=8080\n` })],
  [
    'YAML config',
    (s) => ({
      'config/app.yaml': s.includes('\n')
        ? `service:\n  name: app\n  settings: |\n${s
            .split(/\r?\n/)
            .map((l) => `    ${l}`)
            .join('\n')}\n  port: 8080\n`
        : `service:\n  name: app\n  settings: ${q(s)}\n  port: 8080\n`,
    }),
  ],
  [
    'JSON config',
    (s) => ({
      'config/app.json': JSON.stringify(
        { name: 'app', service: { settings: s, port: 8080 } },
        null,
        2,
      ),
    }),
  ],
  [
    "a source map's sourcesContent",
    (s) => ({
      'dist/index.js': 'console.log(1)\n//# sourceMappingURL=index.js.map\n',
      'dist/index.js.map': JSON.stringify({
        version: 3,
        file: 'index.js',
        sources: ['../src/settings.ts'],
        sourcesContent: [`// settings\nexport const settings = ${q(s)}\n`],
        names: [],
        mappings: 'AAAA',
      }),
    }),
  ],
  [
    "a binary's printable strings",
    (s) => ({
      'bin/tool': Buffer.concat([
        Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
        Buffer.alloc(120, 0),
        Buffer.from(s),
        Buffer.from([0, 0, 0x90, 0xff, 0x13, 0]),
        Buffer.alloc(64, 0),
      ]),
    }),
  ],
  [
    'a base64 once-encoded config value',
    (s) => ({ 'config/deploy.yaml': `app: web\ntoken: ${Buffer.from(s).toString('base64')}\n` }),
  ],
  [
    'UTF-16 text',
    (s) => ({
      'config/settings.ini': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`[app]\r\n${asEnv(s).replace(/\n/g, '\r\n')}\r\n`, 'utf16le'),
      ]),
    }),
  ],
]

describe.each(PLACES)('every detector in %s', (_, place) => {
  test('finds each must-match sample, labelled as its own provider', async () => {
    const files: Record<string, string | Buffer> = {
      'package.json': JSON.stringify({ name: 'places', version: '1.0.0' }),
    }
    for (const s of SAMPLES)
      for (const [name, body] of Object.entries(place(s.text))) files[`${s.dir}/${name}`] = body
    const r = await checkBytes('places.tgz', npmTgz(files))
    const found = new Map<string, Set<string>>()
    for (const f of r.findings) {
      if (!f.rule.startsWith('secret/') || !f.file) continue
      const dir = f.file.split('/')[0]
      found.set(dir, new Set([...(found.get(dir) ?? []), f.rule]))
    }
    const wrong = SAMPLES.flatMap((s) => {
      const rules = [...(found.get(s.dir) ?? [])]
      return rules.length === 1 && rules[0] === s.id
        ? []
        : [`${s.dir}: ${rules.join(', ') || 'nothing'}`]
    })
    expect(wrong).toEqual([])
  })
})
