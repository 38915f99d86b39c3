import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { check } from '../src/check.js'
import { parseConfig } from '../src/config/parse.js'
import type { Finding } from '../src/findings.js'
import {
  pullRequestFromEnv,
  pullRequestFromEvent,
  runUrlFromEnv,
  upsertComment,
} from '../src/github/comment.js'
import {
  COMMENT_MARKER,
  MAX_COMMENT_BYTES,
  MAX_COMMENT_ROWS,
  renderComment,
} from '../src/report/comment-body.js'
import type { Report } from '../src/report/types.js'
import { tempDir, writeTree } from './helpers/fs.js'
import { startGitHubApi, type FakeGitHubApi } from './helpers/github-api.js'
import { tgz } from './helpers/tar.js'

const finding = (i: number, over: Partial<Finding> = {}): Finding => ({
  rule: 'file/forbidden',
  category: 'policy',
  severity: 'warning',
  artifact: 'a.tgz',
  file: `dist/f${i}.map`,
  message: `dist/f${i}.map matches files.forbid pattern '*.map'`,
  fingerprint: String(i),
  ...over,
})

function reportOf(findings: Finding[]): Report {
  const counts = { error: 0, warning: 0, notice: 0 }
  for (const f of findings) counts[f.severity]++
  return {
    schemaVersion: 1,
    tool: { name: 'packguard', version: '0' },
    result: counts.error ? 'fail' : 'pass',
    failOn: 'error',
    artifacts: [{ path: 'a.tgz', format: 'tar+gzip', files: findings.length, bytes: 1234 }],
    findings,
    suppressed: [],
    counts,
  }
}

describe('renderComment', () => {
  test('marker first, verdict, counts, most severe findings first', () => {
    const body = renderComment(
      reportOf([
        finding(1),
        finding(2, { severity: 'notice' }),
        finding(3, { severity: 'error', rule: 'secret/github-token', message: 'a token' }),
      ]),
      { runUrl: 'https://github.com/o/r/actions/runs/7' },
    )
    const lines = body.split('\n')
    expect(lines[0]).toBe(COMMENT_MARKER)
    expect(lines[1]).toBe('### ❌ packguard: fail')
    expect(body).toContain('1 error(s), 1 warning(s), 1 notice(s); fail-on: error')
    const rows = lines.filter((l) => /^\| (🔴|🟠|🔵)/.test(l))
    expect(rows.map((r) => r.split(' ')[2])).toEqual(['error', 'warning', 'notice'])
    expect(rows[0]).toContain('secret/github-token')
    expect(body).toContain('[Workflow run](https://github.com/o/r/actions/runs/7)')
  })

  test('a clean pass says so', () => {
    const body = renderComment(reportOf([]))
    expect(body.startsWith(`${COMMENT_MARKER}\n### ✅ packguard: pass\n`)).toBe(true)
    expect(body).toContain('No findings.')
  })

  test(`shows at most ${MAX_COMMENT_ROWS} rows and summarizes the rest with a link`, () => {
    const findings = Array.from({ length: 40 }, (_, i) =>
      finding(i, { severity: i < 5 ? 'error' : 'warning' }),
    )
    const body = renderComment(reportOf(findings), {
      runUrl: 'https://github.com/o/r/actions/runs/7',
    })
    expect(
      body.split('\n').filter((l) => l.startsWith('| 🔴') || l.startsWith('| 🟠')),
    ).toHaveLength(MAX_COMMENT_ROWS)
    expect(body).toContain(
      '_25 more finding(s) not shown here (25 warning(s)): see the job summary of the [workflow run](https://github.com/o/r/actions/runs/7)._',
    )
  })

  test('a hostile file name is inert: no HTML, no table break, no new line', async () => {
    // A real archive, read by check(), so the name reaches the renderer as it would in a run.
    const dir = await tempDir()
    await writeTree(dir, {
      'h.tgz': tgz([
        { name: 'package/a|b<img src=x onerror=alert(1)>`\n## pwned.env', content: 'A=1' },
      ]),
    })
    const config = parseConfig("files:\n  forbid: ['**']\n", 'c.yml')
    const report = await check({
      cwd: dir,
      artifacts: ['h.tgz'],
      config,
      failOn: 'error',
      pack: true,
    })
    const body = renderComment(report, { runUrl: 'https://github.com/o/r/actions/runs/1' })
    expect(body).not.toContain('<img')
    expect(body).not.toMatch(/\n## pwned/)
    expect(body).toContain('a\\|b&lt;img src=x onerror=alert(1)&gt;\\`\\\\u{a}\\#\\# pwned.env')
    // Every table row still has its four cells: the `|` in the name is escaped.
    for (const row of body.split('\n').filter((l) => l.startsWith('| 🔴')))
      expect(row.split(/(?<!\\)\|/).length).toBe(6)
  })

  test('a hostile run URL cannot close the link or inject HTML', () => {
    const body = renderComment(reportOf([]), { runUrl: 'https://x/)<img src=x>[a](b) |' })
    expect(body).toContain('[Workflow run](https://x/%29%3Cimg%20src=x%3E%5Ba%5D%28b%29%20%7C)')
  })

  test(`stays under ${MAX_COMMENT_BYTES} bytes with huge, escaping-heavy findings`, () => {
    const evil = '<@|`\u202e'.repeat(2000)
    const findings = Array.from({ length: 500 }, (_, i) =>
      finding(i, { severity: 'error', file: `${evil}${i}`, message: evil, artifact: evil }),
    )
    const body = renderComment(reportOf(findings), {
      runUrl: 'https://github.com/o/r/actions/runs/1',
    })
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_COMMENT_BYTES)
    expect(body.length).toBeLessThan(65_536)
    expect(body).toMatch(/_\d+ more finding\(s\) not shown here \(\d+ error\(s\)\)/)
    expect(body).not.toContain('\u202e')
  })

  test('many artifacts are listed briefly', () => {
    const report = reportOf([])
    report.artifacts = Array.from({ length: 9 }, (_, i) => ({
      path: `p${i}.tgz`,
      files: 1,
      bytes: 1,
      ...(i === 8 ? { error: 'truncated' } : {}),
    }))
    const body = renderComment(report)
    expect(body).toContain('### ❌ packguard could not read 1 artifact(s) completely')
    expect(body).toContain('- and 4 more artifact(s), 1 of them unreadable')
  })
})

describe('upsertComment against a local GitHub API', () => {
  let api: FakeGitHubApi
  const pr = { owner: 'octo', repo: 'lib', issueNumber: 12 }
  const opts = (body: string) => ({ token: 'test-token', apiUrl: api.url, body, ...pr })
  const posts = () => api.calls.filter((c) => c.method === 'POST')
  const patches = () => api.calls.filter((c) => c.method === 'PATCH')

  beforeEach(async () => {
    api = await startGitHubApi({ pageSize: 3 })
  })
  afterEach(async () => {
    await api.close()
  })

  test('the first run creates the comment, the second updates the same one', async () => {
    api.seed(12, [{ body: 'LGTM', user: { login: 'alice', type: 'User' } }])
    const first = await upsertComment(opts(`${COMMENT_MARKER}\nrun 1`))
    expect(first).toEqual({ action: 'created' })
    expect(posts()).toHaveLength(1)
    expect(posts()[0]).toMatchObject({
      path: '/repos/octo/lib/issues/12/comments',
      authorization: 'token test-token',
      body: { body: `${COMMENT_MARKER}\nrun 1` },
    })
    const id = api.comments(12)[1].id

    const second = await upsertComment(opts(`${COMMENT_MARKER}\nrun 2`))
    expect(second).toEqual({ action: 'updated' })
    expect(posts()).toHaveLength(1)
    expect(patches()).toHaveLength(1)
    expect(patches()[0].path).toBe(`/repos/octo/lib/issues/comments/${id}`)
    expect(api.comments(12).map((c) => c.body)).toEqual(['LGTM', `${COMMENT_MARKER}\nrun 2`])
  })

  test('finds its comment on a later page (following the Link header)', async () => {
    const others = Array.from({ length: 4 }, (_, i) => ({
      body: `comment ${i}`,
      user: { login: 'alice', type: 'User' as const },
    }))
    api.seed(12, others)
    const [ours] = api.seed(12, [{ body: `${COMMENT_MARKER}\nold` }])
    const res = await upsertComment(opts(`${COMMENT_MARKER}\nnew`))
    expect(res).toEqual({ action: 'updated' })
    const gets = api.calls.filter((c) => c.method === 'GET')
    expect(gets.map((c) => c.query.page ?? '1')).toEqual(['1', '2'])
    expect(patches()[0].path).toBe(`/repos/octo/lib/issues/comments/${ours.id}`)
    expect(posts()).toHaveLength(0)
  })

  test("does not take over a person's comment that merely starts with the marker", async () => {
    api.seed(12, [
      { body: `${COMMENT_MARKER}\nfake pass`, user: { login: 'mallory', type: 'User' } },
    ])
    expect(await upsertComment(opts(`${COMMENT_MARKER}\nreal`))).toEqual({ action: 'created' })
    expect(patches()).toHaveLength(0)
    expect(api.comments(12)[0].body).toBe(`${COMMENT_MARKER}\nfake pass`)
  })

  test('a personal token updates the comment of its own user when told the login', async () => {
    const me = { login: 'release-bot-user', type: 'User' as const }
    api.seed(12, [{ body: `${COMMENT_MARKER}\nold`, user: me }])
    const res = await upsertComment({ ...opts(`${COMMENT_MARKER}\nnew`), author: me.login })
    expect(res).toEqual({ action: 'updated' })
  })

  test.each([403, 404])('%d (a read-only fork token) is skipped with a warning', async (status) => {
    api.deny(status)
    const res = await upsertComment(opts(`${COMMENT_MARKER}\nx`))
    expect(res.action).toBe('skipped')
    expect(res.warning).toMatch(/^packguard could not comment on the pull request: /)
    expect(res.warning).toContain('Resource not accessible by integration')
    expect(res.warning).toContain(
      "(a fork's token is read-only; give the job pull-requests: write)",
    )
    expect(posts()).toHaveLength(0)
  })

  test('a 403 on the update itself is skipped too', async () => {
    api.seed(12, [{ body: `${COMMENT_MARKER}\nold` }])
    const first = api.calls.length
    api.deny(403, { methods: ['PATCH'] })
    const res = await upsertComment(opts(`${COMMENT_MARKER}\nnew`))
    expect(res.action).toBe('skipped')
    expect(api.calls.slice(first).map((c) => c.method)).toEqual(['GET', 'PATCH'])
  })

  test('an unreachable API is a warning, not a throw', async () => {
    const url = api.url
    await api.close()
    const res = await upsertComment({ ...opts('x'), apiUrl: url })
    expect(res.action).toBe('skipped')
    expect(res.warning).toMatch(/^packguard could not comment on the pull request: /)
    expect(res.warning).not.toContain('pull-requests: write')
    api = await startGitHubApi()
  })
})

describe('pull request of the run', () => {
  test('from a pull_request event payload and GITHUB_REPOSITORY', async () => {
    const dir = await tempDir()
    const event = join(dir, 'event.json')
    await writeFile(event, JSON.stringify({ action: 'synchronize', pull_request: { number: 42 } }))
    expect(
      await pullRequestFromEnv({ GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'octo/lib' }),
    ).toEqual({ owner: 'octo', repo: 'lib', number: 42 })
  })

  test('undefined outside pull_request events or without the payload', async () => {
    expect(pullRequestFromEvent(JSON.stringify({ ref: 'refs/heads/main' }), 'o/r')).toBeUndefined()
    expect(pullRequestFromEvent('not json', 'o/r')).toBeUndefined()
    expect(pullRequestFromEvent('null', 'o/r')).toBeUndefined()
    expect(pullRequestFromEvent('{"pull_request":{"number":"7"}}', 'o/r')).toBeUndefined()
    expect(await pullRequestFromEnv({})).toBeUndefined()
    expect(
      await pullRequestFromEnv({ GITHUB_EVENT_PATH: '/nonexistent/event.json' }),
    ).toBeUndefined()
  })

  test('falls back to the payload repository', () => {
    const payload = { pull_request: { number: 3 }, repository: { full_name: 'a/b' } }
    expect(pullRequestFromEvent(JSON.stringify(payload))).toEqual({
      owner: 'a',
      repo: 'b',
      number: 3,
    })
  })

  test('run URL', () => {
    expect(
      runUrlFromEnv({
        GITHUB_SERVER_URL: 'https://ghe.example.com/',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_RUN_ID: '99',
      }),
    ).toBe('https://ghe.example.com/o/r/actions/runs/99')
    expect(runUrlFromEnv({})).toBeUndefined()
  })
})
