import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { check } from '../src/check.js'
import { parseConfig } from '../src/config/parse.js'
import { MAX_SUMMARY_BYTES, renderMarkdown } from '../src/report/markdown.js'
import type { Report } from '../src/report/types.js'
import { tempDir, writeTree } from './helpers/fs.js'
import { ROOT } from './helpers/run.js'
import { bundleMap } from './helpers/sourcemap.js'
import { npmTgz, tgz } from './helpers/tar.js'

/** Compares with a golden file; UPDATE_SNAPSHOT=1 rewrites it. */
async function golden(name: string, text: string): Promise<void> {
  const file = join(ROOT, '__tests__', 'golden', name)
  if (process.env.UPDATE_SNAPSHOT) await writeFile(file, text)
  expect(text).toBe(await readFile(file, 'utf8'))
}

const pkgJson = (version: string) =>
  JSON.stringify({ name: 'big-cli', version, files: ['cli.js*', 'vendor'] })

describe('job summary (markdown)', () => {
  test('golden: a leaking release compared with its baseline', async () => {
    const dir = await tempDir()
    const bins = {
      'vendor/rg/x64-linux/rg': 'E'.repeat(5000),
      'vendor/rg/arm64-linux/rg': 'E'.repeat(5000),
    }
    await writeTree(dir, {
      'big-cli-1.0.0.tgz': npmTgz(
        { 'package.json': pkgJson('1.0.0'), 'cli.js': 'x'.repeat(20_000), ...bins },
        { 'vendor/rg/x64-linux/rg': 0o755, 'vendor/rg/arm64-linux/rg': 0o755 },
      ),
      'big-cli-1.0.1.tgz': npmTgz({
        'package.json': pkgJson('1.0.1'),
        'cli.js': 'x'.repeat(60_000),
        'cli.js.map': bundleMap({ firstParty: 120, deps: 80, content: true, bytesEach: 300 }),
        '.DS_Store': 'x',
        ...bins,
      }),
    })
    const config = parseConfig('extends: recommended\n', 'c.yml')
    const report = await check({
      cwd: dir,
      artifacts: ['big-cli-1.0.1.tgz'],
      config,
      failOn: 'error',
      pack: true,
      drift: { settings: config.drift.settings, baseline: 'big-cli-1.0.0.tgz' },
    })
    await golden('summary-incident.md', renderMarkdown(report))
  })

  test('golden: a clean pass', async () => {
    const dir = await tempDir()
    await writeTree(dir, {
      'ok-1.0.0.tgz': npmTgz({
        'package.json': '{"name":"ok","version":"1.0.0","files":["index.js"]}',
        'index.js': '1',
      }),
    })
    const report = await check({
      cwd: dir,
      artifacts: ['ok-1.0.0.tgz'],
      config: parseConfig('{}', 'c.yml'),
      failOn: 'error',
      pack: true,
    })
    await golden('summary-pass.md', renderMarkdown(report))
  })

  test('hostile names cannot break out of the table or inject HTML', async () => {
    const dir = await tempDir()
    await writeTree(dir, {
      'h.tgz': tgz([
        { name: 'package/a|b<img src=x onerror=alert(1)>`\n## pwned.env', content: 'A=1' },
      ]),
    })
    const config = parseConfig("files:\n  forbid: ['**']\n", 'c.yml')
    const md = renderMarkdown(
      await check({ cwd: dir, artifacts: ['h.tgz'], config, failOn: 'error', pack: true }),
    )
    expect(md).not.toContain('<img')
    expect(md).not.toMatch(/\n## pwned/)
    expect(md).toContain('a\\|b&lt;img src=x onerror=alert(1)&gt;\\`\\\\u{a}\\#\\# pwned.env')
  })

  test('stays under the 1 MiB summary limit, with a note, when there are very many findings', () => {
    const finding = (i: number) => ({
      rule: 'file/forbidden',
      category: 'policy' as const,
      severity: 'error' as const,
      artifact: 'a.tgz',
      file: `dir/${'x'.repeat(200)}/${i}.map`,
      message: `dir/${i}.map matches files.forbid pattern '*.map' ${'y'.repeat(200)}`,
      fingerprint: String(i),
    })
    const findings = Array.from({ length: 5000 }, (_, i) => finding(i))
    const report: Report = {
      schemaVersion: 1,
      tool: { name: 'packguard', version: '0' },
      result: 'fail',
      failOn: 'error',
      artifacts: [{ path: 'a.tgz', format: 'tar+gzip', files: 5000, bytes: 1 }],
      findings,
      suppressed: [],
      counts: { error: 5000, warning: 0, notice: 0 },
    }
    const md = renderMarkdown(report)
    expect(Buffer.byteLength(md)).toBeLessThan(MAX_SUMMARY_BYTES)
    expect(Buffer.byteLength(md)).toBeGreaterThan(MAX_SUMMARY_BYTES - 10_000)
    expect(md).toMatch(/_\d+ more finding\(s\) not shown: the job summary is limited to 1 MiB/)
  })
})
