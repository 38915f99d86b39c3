import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { runAction } from './helpers/action.js'
import { tempDir, writeTree } from './helpers/fs.js'
import { startGitHubApi, type FakeGitHubApi } from './helpers/github-api.js'
import { ROOT } from './helpers/run.js'
import { npmTgz } from './helpers/tar.js'

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => Ajv

let ws: string
let api: FakeGitHubApi

beforeAll(async () => {
  ws = await tempDir()
  api = await startGitHubApi()
  await writeTree(ws, {
    'leaky-1.0.0.tgz': npmTgz({
      'package.json': '{"files":["index.js"]}',
      'index.js': '1',
      '.env': 'A=1',
    }),
    'event.json': JSON.stringify({
      pull_request: { number: 7 },
      repository: { full_name: 'acme/widget' },
    }),
  })
})
afterAll(() => api?.close())

describe('the Action and GitHub', () => {
  test('sarif-file writes a schema-valid SARIF report and names it in an output', async () => {
    const r = await runAction(ws, { path: 'leaky-1.0.0.tgz', 'sarif-file': 'packguard.sarif' })
    expect(r.status).toBe(1)
    expect(r.outputs['sarif-file']).toBe(join(ws, 'packguard.sarif'))
    const sarif = JSON.parse(await readFile(r.outputs['sarif-file'], 'utf8'))
    const ajv = new Ajv({ allErrors: true, strict: false })
    addFormats(ajv)
    const validate = ajv.compile(
      JSON.parse(await readFile(join(ROOT, 'schemas', 'sarif-2.1.0.json'), 'utf8')),
    )
    expect(validate(sarif) ? [] : validate.errors).toEqual([])
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual([
      'file/sensitive-env',
    ])
  })

  test('upload-report outside a runner is a warning, never a failure of the check', async () => {
    await writeFile(
      join(ws, 'clean.tgz'),
      npmTgz({ 'package.json': '{"files":["a.js"]}', 'a.js': '1' }),
    )
    const r = await runAction(ws, { path: 'clean.tgz', 'upload-report': 'true' })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^::warning::packguard did not upload the report artifact/m)
    expect(r.outputs['report-artifact']).toBeUndefined()
  })

  test('comment: true posts on the pull request, then updates the same comment', async () => {
    const env = {
      GITHUB_EVENT_PATH: join(ws, 'event.json'),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'acme/widget',
      GITHUB_API_URL: api.url,
    }
    const inputs = {
      path: 'leaky-1.0.0.tgz',
      comment: 'true',
      'github-token': ['test', 'token'].join('-'),
    }
    const first = await runAction(ws, inputs, env)
    expect(first.status).toBe(1)
    expect(first.stdout).toContain('Pull request comment created.')
    const second = await runAction(ws, inputs, env)
    expect(second.stdout).toContain('Pull request comment updated.')
    expect(api.comments(7)).toHaveLength(1)
    expect(api.comments(7)[0].body).toMatch(/^<!-- packguard-comment -->/)
    expect(api.comments(7)[0].body).toContain('file/sensitive-env')
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1)
    expect(api.calls.filter((c) => c.method === 'PATCH')).toHaveLength(1)
  })

  test("a fork's read-only token degrades to a warning", async () => {
    api.deny(403)
    const env = {
      GITHUB_EVENT_PATH: join(ws, 'event.json'),
      GITHUB_REPOSITORY: 'acme/widget',
      GITHUB_API_URL: api.url,
    }
    const r = await runAction(ws, { path: 'clean.tgz', comment: 'true', 'github-token': 'x' }, env)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^::warning::packguard could not comment on the pull request/m)
  })
})
