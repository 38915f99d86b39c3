import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { uploadReport, type ArtifactUploader } from '../src/github/upload.js'
import { tempDir, writeTree } from './helpers/fs.js'

const RUNTIME_KEYS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_SERVER_URL'] as const

/** A runtime token shaped like the runner's: a JWT whose `scp` names the run and job. */
function fakeRuntimeToken(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  const scp = 'Actions.GenericRead:00000000 Actions.Results:run-backend-1:job-backend-2'
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp })}.x`
}

interface Received {
  method: string
  path: string
  body: Buffer
}

/**
 * The Actions results service (twirp) and its blob storage, on 127.0.0.1. `mode: 'deny'` answers
 * 403 to CreateArtifact (not retried by @actions/artifact); `mode: 'ok'` accepts the upload.
 */
async function startResultsService(mode: 'ok' | 'deny') {
  const received: Received[] = []
  const server: Server = createServer(async (req, res) => {
    const body = await readAll(req)
    const u = new URL(req.url ?? '/', 'http://127.0.0.1')
    received.push({ method: req.method ?? '', path: u.pathname + u.search, body })
    const json = (status: number, o: object) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(o))
    }
    if (u.pathname.endsWith('/CreateArtifact')) {
      if (mode === 'deny') return json(403, { code: 'permission_denied', msg: 'token refused' })
      return json(200, { ok: true, signedUploadUrl: `${base}/blob/report.zip?sig=fake-signature` })
    }
    if (u.pathname.endsWith('/FinalizeArtifact')) return json(200, { ok: true, artifactId: '4242' })
    if (u.pathname === '/blob/report.zip' && req.method === 'PUT') {
      res.writeHead(201, { etag: '"0x1"', 'last-modified': new Date().toUTCString() })
      return res.end()
    }
    json(404, { msg: 'not found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

let dir: string
let files: string[]
const saved: Record<string, string | undefined> = {}

beforeAll(async () => {
  dir = await tempDir()
  await writeTree(dir, {
    'packguard-report.json': '{"schemaVersion":1}\n',
    'packguard.lock.json': '{}\n',
  })
  files = [join(dir, 'packguard-report.json'), join(dir, 'packguard.lock.json')]
  for (const k of RUNTIME_KEYS) saved[k] = process.env[k]
})

beforeEach(() => {
  // @actions/artifact logs through @actions/core, which writes workflow commands to stdout.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  jest.restoreAllMocks()
  // @actions/artifact reads process.env itself: put back what the test changed.
  for (const k of RUNTIME_KEYS)
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
})

/** A client that must not be reached, or that fails like the real one can. */
function recorder(fail?: Error) {
  const calls: unknown[][] = []
  const client: ArtifactUploader = {
    async uploadArtifact(...args) {
      calls.push(args)
      if (fail) throw fail
      return { id: 7, size: 10 }
    },
  }
  return { client, calls }
}

describe('uploadReport', () => {
  test('outside a runner: a warning, and the client is never called', async () => {
    const { client, calls } = recorder()
    const res = await uploadReport(
      { name: 'packguard-report', files, rootDirectory: dir, env: {} },
      client,
    )
    expect(res).toEqual({
      uploaded: false,
      warning:
        'packguard did not upload the report artifact: not running in a GitHub Actions job (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL not set)',
    })
    expect(calls).toHaveLength(0)
  })

  test('without the runtime token, with the real client: a warning, no throw', async () => {
    const res = await uploadReport({
      name: 'packguard-report',
      files,
      rootDirectory: dir,
      env: { ACTIONS_RESULTS_URL: 'http://127.0.0.1:9' },
    })
    expect(res).toMatchObject({ uploaded: false })
    expect(res.uploaded === false && res.warning).toContain('ACTIONS_RUNTIME_TOKEN not set')
  })

  test('GitHub Enterprise Server: a warning, the client is never called', async () => {
    const { client, calls } = recorder()
    const env = {
      ACTIONS_RUNTIME_TOKEN: 't',
      ACTIONS_RESULTS_URL: 'http://127.0.0.1:9',
      GITHUB_SERVER_URL: 'https://ghe.example.com',
    }
    const res = await uploadReport({ name: 'r', files, rootDirectory: dir, env }, client)
    expect(res).toMatchObject({ uploaded: false })
    expect(res.uploaded === false && res.warning).toContain('GitHub Enterprise Server')
    expect(calls).toHaveLength(0)
  })

  test('an upload error becomes a warning naming the artifact and the cause', async () => {
    const { client, calls } = recorder(new Error('Failed to CreateArtifact: (409) Conflict'))
    const env = { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9' }
    const res = await uploadReport(
      { name: 'packguard-report', files, rootDirectory: dir, env, retentionDays: 5 },
      client,
    )
    expect(res).toEqual({
      uploaded: false,
      warning:
        "packguard did not upload the report artifact 'packguard-report': Failed to CreateArtifact: (409) Conflict",
    })
    expect(calls).toEqual([['packguard-report', files, dir, { retentionDays: 5 }]])
  })

  test('the real client against a results service that refuses: a warning, quickly', async () => {
    const svc = await startResultsService('deny')
    try {
      Object.assign(process.env, {
        ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(),
        ACTIONS_RESULTS_URL: `${svc.url}/`,
        GITHUB_SERVER_URL: 'https://github.com',
      })
      const started = Date.now()
      const res = await uploadReport({
        name: 'packguard-report',
        files,
        rootDirectory: dir,
        env: process.env,
      })
      expect(Date.now() - started).toBeLessThan(10_000)
      expect(res).toMatchObject({ uploaded: false })
      expect(res.uploaded === false && res.warning).toMatch(
        /^packguard did not upload the report artifact 'packguard-report': .*403.*token refused/,
      )
      expect(svc.received.map((r) => r.path)).toEqual([
        '/twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact',
      ])
    } finally {
      await svc.close()
    }
  }, 15_000)

  test('the real client against a results service that accepts: uploaded, with the id', async () => {
    const svc = await startResultsService('ok')
    try {
      Object.assign(process.env, {
        ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(),
        ACTIONS_RESULTS_URL: svc.url,
        GITHUB_SERVER_URL: 'https://github.com',
      })
      const res = await uploadReport({
        name: 'packguard-report',
        files,
        rootDirectory: dir,
        env: process.env,
        retentionDays: 3,
      })
      expect(res).toEqual({ uploaded: true, id: 4242, name: 'packguard-report' })
      const create = JSON.parse(svc.received[0].body.toString('utf8'))
      expect(create).toMatchObject({
        workflow_run_backend_id: 'run-backend-1',
        workflow_job_run_backend_id: 'job-backend-2',
        name: 'packguard-report',
      })
      expect(create.expires_at).toBeDefined()
      // The zip that reached blob storage holds both files under their relative names.
      const zip = Buffer.concat(
        svc.received.filter((r) => r.path.startsWith('/blob/')).map((r) => r.body),
      )
      expect(zip.includes('packguard-report.json')).toBe(true)
      expect(zip.includes('packguard.lock.json')).toBe(true)
      expect(svc.received.at(-1)?.path).toMatch(/\/FinalizeArtifact$/)
    } finally {
      await svc.close()
    }
  }, 15_000)
})
