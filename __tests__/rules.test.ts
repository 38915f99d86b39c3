import { describe, expect, test } from '@jest/globals'
import { RULES } from '../src/rules/registry.js'
import { checkBytes, rulesOf } from './helpers/check.js'
import { npmTgz, tgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

const pkg = npmTgz({
  'package.json': '{"name":"demo","version":"1.0.0"}',
  'dist/index.js': 'x'.repeat(2000),
  'dist/index.js.map': '{}',
  '.env': 'A=1',
})

describe('files rules', () => {
  test('forbid names the pattern; dotfiles and bare names match at any depth', async () => {
    const r = await checkBytes('p.tgz', pkg, "extends: none\nfiles:\n  forbid: ['*.map', .env]\n")
    expect(r.findings.map((f) => [f.rule, f.file, f.message])).toEqual([
      ['file/forbidden', '.env', ".env matches files.forbid pattern '.env'"],
      [
        'file/forbidden',
        'dist/index.js.map',
        "dist/index.js.map matches files.forbid pattern '*.map'",
      ],
    ])
    expect(r.result).toBe('fail')
  })

  test('allow makes everything else unexpected; require reports what is missing', async () => {
    const r = await checkBytes(
      'p.tgz',
      pkg,
      'extends: none\nfiles:\n  allow: [dist/, package.json]\n  require: [dist/index.js, README.md]\n',
    )
    expect(r.findings.map((f) => [f.rule, f.file])).toEqual([
      ['file/missing', ''],
      ['file/unexpected', '.env'],
    ])
    expect(r.findings[0].message).toBe("no file matches files.require pattern 'README.md'")
  })
})

describe('size rules', () => {
  test('total, per file and count budgets', async () => {
    const r = await checkBytes(
      'p.tgz',
      pkg,
      'extends: none\nlimits:\n  max-total-size: 1KB\n  max-file-size: 1.5KB\n  max-files: 3\n',
    )
    expect(rulesOf(r).sort()).toEqual(['size/file', 'size/file-count', 'size/total'])
    expect(r.findings.find((f) => f.rule === 'size/file')?.message).toBe(
      'dist/index.js is 2.0 KB, over max-file-size 1.5 KB',
    )
  })
})

describe('severity: presets, overrides, fail-on', () => {
  const links = tgz([
    { name: 'package/a', type: '2', linkname: 'b.js' },
    { name: 'package/b.js', content: '1' },
  ])

  test('recommended: a link is a warning and passes at fail-on error', async () => {
    const r = await checkBytes('l.tgz', links)
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['archive/link', 'warning']])
    expect(r.result).toBe('pass')
    expect(r.counts).toEqual({ error: 0, warning: 1, notice: 0 })
  })

  test('fail-on warning fails on it; strict makes it an error', async () => {
    expect((await checkBytes('l.tgz', links, '', 'warning')).result).toBe('fail')
    expect((await checkBytes('l.tgz', links, 'extends: strict\n')).findings[0].severity).toBe(
      'error',
    )
  })

  test('rules: overrides the preset, including off; none keeps only declared and fail-closed rules', async () => {
    expect(
      (await checkBytes('l.tgz', links, 'rules:\n  archive/link: notice\n')).findings[0].severity,
    ).toBe('notice')
    expect((await checkBytes('l.tgz', links, 'rules:\n  archive/link: off\n')).findings).toEqual([])
    expect((await checkBytes('l.tgz', links, 'extends: none\n')).findings).toEqual([])
    const none = await checkBytes('l.tgz', links, "extends: none\nfiles:\n  forbid: ['*.js']\n")
    expect(rulesOf(none)).toEqual(['file/forbidden'])
  })

  test('fail-on never passes whatever is found', async () => {
    expect((await checkBytes('p.tgz', pkg, "files:\n  forbid: ['*.map']\n", 'never')).result).toBe(
      'pass',
    )
  })
})

describe('ignore', () => {
  test('a matching ignore entry moves the finding to suppressed with its reason', async () => {
    const yaml = `extends: none
files:
  forbid: ['*.map', .env]
ignore:
  - rule: file/*
    path: dist/**
    reason: maps ship on purpose
`
    const r = await checkBytes('p.tgz', pkg, yaml)
    expect(r.findings.map((f) => f.file)).toEqual(['.env'])
    expect(r.suppressed.map((f) => [f.file, f.reason])).toEqual([
      ['dist/index.js.map', 'maps ship on purpose'],
    ])
  })
})

describe('archive rules', () => {
  test('unsafe names, links, devices and duplicates are findings naming raw and normalized paths', async () => {
    const r = await checkBytes(
      'evil.tgz',
      tgz([
        { name: 'package/ok.js', content: '1' },
        { name: '../../home/x/.bashrc', content: 'evil' },
        { name: 'package/dev', type: '3' },
        { name: 'package/ok.js', content: '2' },
      ]),
    )
    const byRule = Object.fromEntries(r.findings.map((f) => [f.rule, f.message]))
    expect(byRule['archive/path-traversal']).toBe(
      "unsafe entry name '../../home/x/.bashrc' ('..' segment); read as 'home/x/.bashrc'",
    )
    expect(byRule['archive/special-file']).toBe('dev is a char-device entry (not opened)')
    expect(byRule['archive/duplicate-entry']).toBe(
      'ok.js appears more than once; npm installs the last copy',
    )
  })

  test('a safety limit is a finding, not a crash', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ name: `package/f${i}.js`, content: 'x' }))
    const r = await checkBytes('many.tgz', tgz(items), 'safety:\n  max-entries: 10\n')
    expect(rulesOf(r)).toEqual(['archive/limit-exceeded'])
    expect(r.findings[0].message).toMatch(
      /more than 10 entries \(max-entries\).*the rest of the artifact was not checked/,
    )
    expect(r.result).toBe('fail')
  })

  test('an encrypted zip entry is an error: unread content is never clean', async () => {
    const r = await checkBytes(
      'e.zip',
      zip([{ name: 'a.txt', content: 'x', encrypted: true, method: 0 }]),
    )
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['archive/unreadable-entry', 'error'],
    ])
  })
})

describe('report', () => {
  test('an unreadable artifact is reported with its error and fails', async () => {
    const r = await checkBytes('bad.tgz', Buffer.from('nope'))
    expect(r.artifacts[0].error).toMatch(/not a supported archive/)
    expect(r.result).toBe('fail')
  })

  test('fingerprints are stable across runs and artifact names', async () => {
    const a = await checkBytes('demo-1.0.0.tgz', pkg, "files:\n  forbid: ['*.map']\n")
    const b = await checkBytes('demo-1.0.1.tgz', pkg, "files:\n  forbid: ['*.map']\n")
    expect(a.findings[0].fingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(a.findings[0].fingerprint).toBe(b.findings[0].fingerprint)
  })

  test('every registered rule has a family/name id, a category and a description', () => {
    for (const [id, meta] of RULES) {
      expect(id).toMatch(
        /^(file|size|secret|sourcemap|content|drift|metadata|archive)\/[a-z0-9-]+$/,
      )
      expect(['leak', 'drift', 'policy', 'archive']).toContain(meta.category)
      expect(meta.description.length).toBeGreaterThan(10)
    }
  })
})
