import { describe, expect, test } from '@jest/globals'
import type { RawFinding } from '../src/findings.js'
import { renderAnnotations } from '../src/report/annotations.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { renderSarif } from '../src/report/sarif.js'
import { renderText } from '../src/report/text.js'
import { scanSecrets, secretScan } from '../src/rules/secrets/scan.js'
import { checksummed } from '../src/rules/secrets/kit/samples.js'
import { checkBytes } from './helpers/check.js'
import { npmTgz, tgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

// Tokens are built at run time from pieces: no committed literal looks like one.
const gh = checksummed('ghp_', 'names-1')
const rules = (text: string) => {
  const out: RawFinding[] = []
  scanSecrets(text, 'dist/app.js', (f) => out.push(f))
  return out.map((f) => f.rule)
}

describe('a token after a percent escape', () => {
  test.each([
    ['a URL-encoded query', `https://x.test/cb?token%3D${gh}%26next=1`],
    ['a form body', `grant=refresh&access_token=%22${gh}%22`],
    ['lower-case hex', `a%3d${gh}`],
  ])('%s is found', (_, text) => {
    expect(rules(text)).toEqual(['secret/github-token'])
  })

  test.each([
    ['a longer run (no escape)', `x3D${gh}`],
    ['a percent that is not an escape', `a%G3D${gh.slice(1)}`],
    ['an escape followed by a placeholder', `token%3Dghp_${'x'.repeat(36)}`],
  ])('%s is not', (_, text) => {
    expect(rules(text)).toEqual([])
  })
})

describe('secrets in entry names', () => {
  const names = (r: { findings: Array<{ rule: string; file: string }> }) =>
    r.findings.filter((f) => f.rule.startsWith('secret/')).map((f) => [f.rule, f.file])

  test('a token used as a folder name is found once and printed redacted everywhere', async () => {
    const bytes = npmTgz({
      'package.json': '{"name":"x","version":"1.0.0"}',
      [`cache/${gh}/a.json`]: '{}',
      [`cache/${gh}/b.json`]: '{}',
      [`${gh}.txt`]: 'x',
    })
    const report = await checkBytes('x-1.0.0.tgz', bytes)
    const found = names(report)
    expect(found).toHaveLength(2)
    expect(found.every(([rule]) => rule === 'secret/github-token')).toBe(true)
    const outputs = [
      JSON.stringify(report),
      renderText(report, { color: false }),
      renderMarkdown(report),
      JSON.stringify(renderSarif(report)),
      JSON.stringify(renderAnnotations(report)),
    ]
    for (const out of outputs) {
      expect(out).not.toContain(gh.slice(4, 16))
      expect(out).not.toContain(gh.slice(20))
    }
    // The redacted path still says where: prefix, length and hash of the name.
    const hidden = String.raw`\[ghp_… \(40 chars, sha256:[0-9a-f]{12}\)\]`
    expect(found.map(([, file]) => file).sort()).toEqual([
      expect.stringMatching(new RegExp(`^${hidden}\\.txt$`)),
      expect.stringMatching(new RegExp(`^cache/${hidden}$`)),
    ])
  })

  test('the proposed lockfile (JSON report, --update-lockfile) holds it redacted too', async () => {
    const { readFile, writeFile } = await import('node:fs/promises')
    const { join } = await import('node:path')
    const { tempDir } = await import('./helpers/fs.js')
    const { runCli } = await import('./helpers/run.js')
    const dir = await tempDir()
    const pkg = '{"name":"x","version":"1.0.0"}'
    await writeFile(join(dir, 'x.tgz'), npmTgz({ 'package.json': pkg }))
    expect(runCli(['snapshot', 'x.tgz'], { cwd: dir }).status).toBe(0)
    await writeFile(join(dir, 'x.tgz'), npmTgz({ 'package.json': pkg, [`c/${gh}/a.json`]: '{}' }))
    const args = ['check', 'x.tgz', '--lockfile', 'packguard.lock.json', '--format', 'json']
    const r = runCli(args, { cwd: dir })
    expect(JSON.parse(r.stdout).artifacts[0].lockfile.proposed.files.length).toBe(2)
    runCli([...args, '--update-lockfile'], { cwd: dir })
    for (const out of [r.stdout, await readFile(join(dir, 'packguard.lock.json'), 'utf8')]) {
      expect(out).toContain('c/[ghp_… (40 chars, sha256:')
      expect(out).not.toContain(gh.slice(4, 16))
    }
  })

  test('every rule that names such a path prints it redacted (a sensitive file, a zip entry)', async () => {
    const inner = zip([{ name: `${gh}/.env`, content: 'A=1\n' }])
    const report = await checkBytes(
      'y.tgz',
      tgz([
        { name: `${gh}/.env`, content: 'A=1\n' },
        { name: 'lib/keys.zip', content: inner },
      ]),
    )
    const env = report.findings.filter((f) => f.rule === 'file/sensitive-env')
    expect(env).toHaveLength(2)
    const all = JSON.stringify(report)
    expect(all).not.toContain(gh.slice(4, 16))
    expect(report.artifacts[0].breakdown?.map((b) => b.folder).join()).not.toContain(
      gh.slice(4, 16),
    )
  })

  test('ordinary names cost nothing and report nothing', async () => {
    const report = await checkBytes(
      'z.tgz',
      npmTgz({
        'package.json': '{"name":"z","version":"1.0.0"}',
        'dist/ghp_helpers.js': 'x',
        'src/token-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.ts': 'x',
        'node_modules/sk_live_placeholder/index.js': 'x',
      }),
    )
    expect(names(report)).toEqual([])
    expect(secretScan.redactText('dist/ghp_helpers.js')).toBe('dist/ghp_helpers.js')
  })
})
