import { describe, expect, test } from '@jest/globals'
import { renderAnnotations } from '../src/report/annotations.js'
import { renderComment } from '../src/report/comment-body.js'
import { markdownText } from '../src/report/escape.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { runAction } from './helpers/action.js'
import { checkBytes } from './helpers/check.js'
import { tempDir, writeTree } from './helpers/fs.js'
import { tgz } from './helpers/tar.js'

const ALL_FORBIDDEN = "extends: none\nfiles:\n  forbid: ['**']\n"

describe('entry names never become links', () => {
  const names = [
    'package/https://evil.example.net/login.js',
    'package/WWW.evil.example.net/a.js',
    'package/ftp://files.example.org/x.js',
    'package/admin@corp.example.com.js',
  ]

  test('in the job summary and the PR comment', async () => {
    const r = await checkBytes(
      'links.tgz',
      tgz(names.map((name) => ({ name, content: '1' }))),
      ALL_FORBIDDEN,
    )
    expect(r.findings.filter((f) => f.rule === 'file/forbidden')).toHaveLength(names.length)
    const comment = renderComment(r, { runUrl: 'https://github.com/o/r/actions/runs/1' })
    for (const [kind, out] of Object.entries({ summary: renderMarkdown(r), comment })) {
      // The only links are packguard's own: rule docs and the run.
      const stripped = out.replace(/\]\((https:\/\/github\.com\/[^)]+)\)/g, '')
      expect([kind, /[a-z]+:\/\/|www\.|@corp/i.exec(stripped)?.[0]]).toEqual([kind, undefined])
      expect(out).toContain('WWW&#46;evil.example.net')
    }
  })

  test('markdownText keeps the text readable', () => {
    expect(markdownText('see http://a.b and www.c.d')).toBe('see http&#58;//a.b and www&#46;c.d')
    expect(markdownText('a:b /path//x')).toBe('a:b /path//x')
  })
})

describe('the Action prints no raw name', () => {
  test('an annotation whose file would need escaping has no file= location', () => {
    const report = {
      findings: [
        {
          severity: 'error',
          rule: 'file/forbidden',
          artifact: 'site',
          file: 'x\u202e.js',
          message: 'm',
        },
        {
          severity: 'error',
          rule: 'file/forbidden',
          artifact: 'site',
          file: 'ok.js',
          message: 'm',
        },
      ],
    } as unknown as Parameters<typeof renderAnnotations>[0]
    const out = renderAnnotations(report, (_, file) => `site/${file}`)
    expect(out.map((a) => a.file)).toEqual([undefined, 'site/ok.js'])
    expect(out[0].title).toBe('packguard file/forbidden: site → x\\u{202e}.js')
  })

  test('an unreadable artifact with a hostile name is reported escaped', async () => {
    const ws = await tempDir()
    await writeTree(ws, { 'bad\u202e\u200b.tgz': Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]) })
    const r = await runAction(ws, { path: 'bad*.tgz' })
    expect(r.status).not.toBe(0)
    expect(r.stdout).not.toMatch(/[\u202e\u200b]/)
    expect(r.stdout).toMatch(
      /^::error title=packguard%3A artifact not read completely::bad\\u\{202e\}\\u\{200b\}\.tgz: /m,
    )
  })
})
