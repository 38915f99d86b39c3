import { readdir } from 'node:fs/promises'
import { describe, expect, test } from '@jest/globals'
import { inertJson, printable } from '../src/report/escape.js'
import { renderAnnotations } from '../src/report/annotations.js'
import { renderJson } from '../src/report/json.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { renderSarif } from '../src/report/sarif.js'
import { renderText } from '../src/report/text.js'
import { checkBytes, rulesOf } from './helpers/check.js'
import { CaseTwins } from '../src/sources/names.js'
import { prng, rawTar, rawZip } from './helpers/hostile.js'
import { tgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

const byRule = (r: Awaited<ReturnType<typeof checkBytes>>, rule: string) =>
  r.findings.filter((f) => f.rule === rule)

describe('unsafe names, links and special files', () => {
  test('traversal names are findings naming the raw and the normalized path; nothing is written', async () => {
    const r = await checkBytes(
      'evil.tgz',
      tgz([
        { name: 'package/ok.js', content: '1' },
        { name: '../../../../../tmp/packguard-escape.js', content: 'x' },
        { name: '/etc/cron.d/evil', content: 'x' },
        { name: 'C:\\Windows\\evil.dll', content: 'x' },
        { name: 'package\\lib\\a.js', content: 'x' },
      ]),
    )
    const messages = byRule(r, 'archive/path-traversal').map((f) => f.message)
    expect(messages).toEqual(
      expect.arrayContaining([
        "unsafe entry name '../../../../../tmp/packguard-escape.js' ('..' segment); read as 'tmp/packguard-escape.js'",
        "unsafe entry name '/etc/cron.d/evil' (absolute path); read as 'etc/cron.d/evil'",
        "unsafe entry name 'C:\\Windows\\evil.dll' (drive letter, backslash separator); read as 'Windows/evil.dll'",
        "unsafe entry name 'package\\lib\\a.js' (backslash separator); read as 'lib/a.js'",
      ]),
    )
    expect(r.result).toBe('fail')
    expect(await readdir('/tmp')).not.toContain('packguard-escape.js')
  })

  test('links, devices and FIFOs in a tar and a zip are findings, never followed or opened', async () => {
    const t = await checkBytes(
      'links.tar',
      rawTar([
        { name: 'package/passwd', type: '2', linkname: '/etc/passwd' },
        { name: 'package/hard', type: '1', linkname: '/etc/shadow' },
        { name: 'package/zero', type: '3' },
        { name: 'package/disk', type: '4' },
        { name: 'package/pipe', type: '6' },
      ]),
    )
    expect(t.findings.map((f) => [f.rule, f.file])).toEqual(
      expect.arrayContaining([
        ['archive/link-escape', 'passwd'],
        ['archive/link-escape', 'hard'],
        ['archive/special-file', 'zero'],
        ['archive/special-file', 'disk'],
        ['archive/special-file', 'pipe'],
      ]),
    )
    const z = await checkBytes(
      'links.zip',
      zip([
        { name: 'npmrc', content: '../../.npmrc', mode: 0o120777 },
        { name: 'fifo', mode: 0o010644 },
      ]),
    )
    expect(z.findings.map((f) => [f.rule, f.message])).toEqual(
      expect.arrayContaining([
        [
          'archive/link-escape',
          "npmrc is a symlink to '../../.npmrc', outside the package ('..' past the package root); extracting it reaches files outside the package",
        ],
        ['archive/special-file', 'fifo is a fifo entry (not opened)'],
      ]),
    )
  })
})

describe('twins', () => {
  const marker = 'HOSTILE_MARKER'
  const yaml = `content:\n  - name: marker\n    strings: [${marker}]\n`

  test('every copy of a duplicated path is scanned, first and last', async () => {
    for (const order of [
      [marker, 'clean'],
      ['clean', marker],
    ]) {
      const r = await checkBytes(
        'dup.tgz',
        tgz([
          { name: 'package/index.js', content: order[0] },
          { name: 'package/index.js', content: order[1] },
        ]),
        yaml,
      )
      expect(rulesOf(r).sort()).toEqual(['archive/duplicate-entry', 'content/marker'])
    }
  })

  test('case-only and NFC/NFD twins are findings; both copies are scanned', async () => {
    const nfc = 'caf\u00e9.js'
    const nfd = 'cafe\u0301.js'
    const r = await checkBytes(
      'twins.tgz',
      tgz([
        { name: 'package/README.md', content: 'a' },
        { name: 'package/readme.md', content: marker },
        { name: `package/${nfc}`, content: marker },
        { name: `package/${nfd}`, content: 'b' },
        { name: 'package/Lib/a.js', content: 'c' },
        { name: 'package/lib/b.js', content: 'd' },
        { name: 'package/lib/c.js', content: 'e' },
      ]),
      yaml,
    )
    expect(byRule(r, 'archive/case-collision').map((f) => f.message)).toEqual([
      `'${nfd}' and '${nfc}' differ only in case or Unicode normalization; on macOS and Windows they are one file and the later one wins`,
      "'lib' and 'Lib' differ only in case or Unicode normalization; on macOS and Windows they are one file and the later one wins",
      "'readme.md' and 'README.md' differ only in case or Unicode normalization; on macOS and Windows they are one file and the later one wins",
    ])
    expect(byRule(r, 'content/marker').map((f) => f.file)).toEqual([nfc, 'readme.md'])
    expect(byRule(r, 'archive/case-collision').every((f) => f.severity === 'error')).toBe(true)
    expect(r.result).toBe('fail')
  })
})

describe('names that forge output', () => {
  const names = [
    'package/evil\u202egnp.js',
    'package/zero\u200bwidth.js',
    'package/bell\u0007.js',
    'package/line\nbreak.js',
    'package/x\n::error file=a.js::forged',
    'package/##[add-mask]secret.js',
    'package/sep\u2028arator.js',
  ]

  test('each is a finding, and no renderer lets one through raw', async () => {
    const r = await checkBytes('names.tgz', tgz(names.map((name) => ({ name, content: '1' }))))
    const found = byRule(r, 'archive/deceptive-name')
    expect(found).toHaveLength(names.length)
    // A workflow command marker alone is escaped in every output: a warning; the rest are errors.
    expect(found.filter((f) => f.severity === 'warning').map((f) => f.file)).toEqual([
      '##[add-mask]secret.js',
    ])
    expect(found.map((f) => f.message)).toContain(
      "the entry name 'package/x\n::error file=a.js::forged' holds a line break, a workflow command marker; shown escaped",
    )
    const outputs = {
      text: renderText(r, { color: false }),
      markdown: renderMarkdown(r),
      sarif: renderSarif(r),
      json: inertJson(renderJson(r)),
      annotations: renderAnnotations(r)
        .map((a) => `${a.title}\n${a.message}`)
        .join('\n'),
    }
    for (const [kind, out] of Object.entries(outputs)) {
      for (const line of out.split('\n')) {
        // What the Actions runner would take for a command, and what would hide or fake a line.
        expect([kind, line.trimStart().startsWith('::')]).toEqual([kind, false])
        expect([kind, line.includes('##[')]).toEqual([kind, false])
        // eslint-disable-next-line no-control-regex
        expect([kind, /[\u0000-\u0009\u000b-\u001f\u2028\u2029\u202e\u200b]/.test(line)]).toEqual([
          kind,
          false,
        ])
      }
    }
    expect(JSON.parse(outputs.json)).toEqual(r)
    expect(outputs.text).toContain('x\\u{a}:\\u{3a}error file=a.js:\\u{3a}forged')
  })

  test('printable escapes lone surrogates and invisible characters, keeps real text', () => {
    expect(printable('a\ud800b \u{1f600} \u00ad \u2066x\u2069')).toBe(
      'a\\u{d800}b \u{1f600} \\u{ad} \\u{2066}x\\u{2069}',
    )
    expect(printable('std::x ##[y] ## [ok] C:\\a')).toBe('std:\\u{3a}x #\\u{23}[y] ## [ok] C:\\a')
  })
})

describe('names that are not valid UTF-8', () => {
  test('tar: a finding for each name, raw bytes kept apart though npm writes both alike', async () => {
    const r = await checkBytes(
      'bad.tar',
      rawTar([
        {
          name: Buffer.from([...Buffer.from('package/a'), 0xff, ...Buffer.from('.js')]),
          content: '1',
        },
        {
          name: Buffer.from([...Buffer.from('package/a'), 0xfe, ...Buffer.from('.js')]),
          content: '2',
        },
      ]),
    )
    // Both are reported, each naming its own bytes.
    expect(byRule(r, 'archive/invalid-utf8-name').map((f) => [f.file, f.message])).toEqual([
      [
        'a\ufffd.js',
        "a\ufffd.js: its name is not valid UTF-8 ('package/a\\xfe.js'); npm writes it with U+FFFD in place of the bad bytes",
      ],
      [
        'a\ufffd.js',
        "a\ufffd.js: its name is not valid UTF-8 ('package/a\\xff.js'); npm writes it with U+FFFD in place of the bad bytes",
      ],
    ])
    expect(r.artifacts[0].files).toBe(2)
    // npm writes both to a\ufffd.js: the second wins, and that is a duplicate. The escapes are
    // not taken for backslash separators.
    expect(rulesOf(r).sort()).toEqual([
      'archive/duplicate-entry',
      'archive/invalid-utf8-name',
      'archive/invalid-utf8-name',
    ])
  })

  test('zip: distinct raw names stay distinct entries, shown as \\xNN', async () => {
    const bad = (b: number) => Buffer.from([...Buffer.from('lib/a'), b, ...Buffer.from('.py')])
    const r = await checkBytes(
      'bad.zip',
      rawZip([
        { name: bad(0xff), content: '1' },
        { name: bad(0xfe), content: '2' },
        { name: 'lib/cp437-\u00e9.py', content: '3', flags: 0 },
      ]),
    )
    expect(byRule(r, 'archive/invalid-utf8-name').map((f) => f.file)).toEqual([
      'lib/a\\xfe.py',
      'lib/a\\xff.py',
    ])
    // No duplicate, and the \xNN escape is not taken for a backslash separator.
    expect(rulesOf(r)).toEqual(['archive/invalid-utf8-name', 'archive/invalid-utf8-name'])
    expect(r.artifacts[0].files).toBe(3)
  })
})

describe('CaseTwins', () => {
  /**
   * The same rule said another way, as an oracle: every folded prefix remembers how it was first
   * spelled (through the first spelling of its parent); a path's shallowest prefix spelled
   * otherwise than its folded twin is reported, once per spelling.
   */
  function oracle(paths: string[]): Array<{ first: string; now: string } | undefined> {
    const fold = (s: string) => s.normalize('NFD').toLowerCase()
    const firstSpelling = new Map<string, string>()
    const reported = new Set<string>()
    return paths.map((path) => {
      const segs = path.split('/')
      let found: { first: string; now: string } | undefined
      let collided = false
      let key = ''
      let spelled = ''
      for (let i = 0; i < segs.length; i++) {
        key += (i ? '/' : '') + fold(segs[i])
        const now = segs.slice(0, i + 1).join('/')
        const own = (i ? `${spelled}/` : '') + segs[i]
        const first = firstSpelling.get(key)
        if (first === undefined) firstSpelling.set(key, own)
        else if (!collided && first !== own) {
          collided = true
          if (!reported.has(now)) {
            reported.add(now)
            found = { first, now }
          }
        }
        spelled = firstSpelling.get(key)!
      }
      return found
    })
  }

  test('reports what the oracle reports, for random paths full of case and NFC/NFD twins', () => {
    const rnd = prng(21)
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]
    const segs = ['a', 'A', 'b', 'B', 'caf\u00e9', 'cafe\u0301', 'Src', 'src', 'x.js', 'X.js']
    for (let trial = 0; trial < 200; trial++) {
      const paths: string[] = []
      for (let i = 0; i < 40; i++) {
        // Mostly files of the previous path's folder, as archives list them.
        const prev = paths.at(-1)
        const dir =
          prev && rnd() < 0.5
            ? prev.slice(0, Math.max(0, prev.lastIndexOf('/')))
            : Array.from({ length: Math.floor(rnd() * 3) }, () => pick(segs)).join('/')
        paths.push((dir ? `${dir}/` : '') + pick(segs))
      }
      const twins = new CaseTwins()
      expect(paths.map((p) => twins.add(p))).toEqual(oracle(paths))
    }
  })
})

describe('in recommended, name tricks fail the run', () => {
  const sev = (r: Awaited<ReturnType<typeof checkBytes>>) =>
    r.findings.map((f) => [f.rule, f.severity, f.file]).sort()

  test('the same path twice, case and NFC/NFD twins, invalid UTF-8 and NUL in a name are errors', async () => {
    const t = await checkBytes(
      'twice.tgz',
      tgz([
        { name: 'package/index.js', content: '1' },
        { name: 'package/index.js', content: '2' },
        { name: 'package/Index.js', content: '3' },
      ]),
    )
    expect(sev(t)).toEqual([
      ['archive/case-collision', 'error', 'Index.js'],
      ['archive/duplicate-entry', 'error', 'index.js'],
    ])
    expect(t.result).toBe('fail')
    const z = await checkBytes(
      'names.zip',
      rawZip([
        { name: Buffer.from('a\u0000b.js'), content: '1' },
        { name: Buffer.from([0x62, 0xff]), content: '2' },
      ]),
    )
    expect(sev(z)).toEqual([
      ['archive/deceptive-name', 'error', 'a\u0000b.js'],
      ['archive/invalid-utf8-name', 'error', 'b\\xff'],
    ])
    expect(z.findings[0].message).toBe(
      "the entry name 'a\u0000b.js' holds a control character; shown escaped",
    )
  })

  test('legitimate repeats stay quiet: a folder listed twice, the same file in two nested archives', async () => {
    const inner = tgz([{ name: 'package/index.js', content: '1' }])
    const r = await checkBytes(
      'ok.tgz',
      tgz([
        { name: 'package/lib/', type: '5' },
        { name: 'package/lib/a.js', content: '1' },
        { name: 'package/lib/', type: '5' },
        { name: 'package/vendor/a.tgz', content: inner },
        { name: 'package/vendor/b.tgz', content: inner },
      ]),
    )
    expect(sev(r)).toEqual([])
  })

  test('config still decides: a rule set to warning or off, and extends: none', async () => {
    const bytes = tgz([
      { name: 'package/a.js', content: '1' },
      { name: 'package/a.js', content: '2' },
    ])
    const warn = await checkBytes('d.tgz', bytes, 'rules:\n  archive/duplicate-entry: warning\n')
    expect([sev(warn), warn.result]).toEqual([
      [['archive/duplicate-entry', 'warning', 'a.js']],
      'pass',
    ])
    expect((await checkBytes('d.tgz', bytes, 'extends: none\n')).findings).toEqual([])
  })
})
