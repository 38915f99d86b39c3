import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeUser {
  login: string
  type: 'Bot' | 'User'
}

export interface FakeComment {
  id: number
  body: string
  user: FakeUser
}

export interface ApiCall {
  method: string
  /** Path without the query. */
  path: string
  query: Record<string, string>
  authorization?: string
  body?: unknown
}

/** The bot a `GITHUB_TOKEN` acts as. */
export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', type: 'Bot' }

/**
 * Just enough of GitHub's REST API for pull-request comments, on a real HTTP server on
 * 127.0.0.1: list (paginated with `Link` headers), create and update issue comments. Every call is
 * recorded; `deny` makes later calls answer with an error status, as a fork's token gets.
 */
export async function startGitHubApi(opts: { pageSize?: number; user?: FakeUser } = {}) {
  const comments = new Map<number, FakeComment[]>()
  const calls: ApiCall[] = []
  let nextId = 1000
  let denied: { status: number; message: string; methods?: string[] } | undefined

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: Error) => send(res, 500, { message: err.message }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', url)
    const raw = await readBody(req)
    const call: ApiCall = {
      method: req.method ?? '',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      authorization: req.headers.authorization,
      body: raw ? JSON.parse(raw) : undefined,
    }
    calls.push(call)
    if (denied && (!denied.methods || denied.methods.includes(call.method)))
      return send(res, denied.status, { message: denied.message })

    const list = u.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/)
    const one = u.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/)
    if (list && req.method === 'GET') {
      const all = comments.get(Number(list[3])) ?? []
      const perPage = Math.min(Number(u.searchParams.get('per_page') ?? 30), opts.pageSize ?? 100)
      const page = Number(u.searchParams.get('page') ?? 1)
      const last = Math.max(1, Math.ceil(all.length / perPage))
      const link = (p: number, rel: string) => {
        const l = new URL(u)
        l.searchParams.set('per_page', String(perPage))
        l.searchParams.set('page', String(p))
        return `<${l.href}>; rel="${rel}"`
      }
      const links = []
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
      if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
      if (links.length) res.setHeader('link', links.join(', '))
      return send(res, 200, all.slice((page - 1) * perPage, page * perPage))
    }
    if (list && req.method === 'POST') {
      const body = (call.body as { body?: string })?.body
      if (typeof body !== 'string') return send(res, 422, { message: 'body is missing' })
      const created = { id: nextId++, body, user: opts.user ?? ACTIONS_BOT }
      comments.set(Number(list[3]), [...(comments.get(Number(list[3])) ?? []), created])
      return send(res, 201, created)
    }
    if (one && req.method === 'PATCH') {
      const found = [...comments.values()].flat().find((c) => c.id === Number(one[3]))
      if (!found) return send(res, 404, { message: 'Not Found' })
      found.body = (call.body as { body: string }).body
      return send(res, 200, found)
    }
    return send(res, 404, { message: 'Not Found' })
  }

  return {
    url,
    calls,
    /** Comments of an issue, oldest first (the list is live). */
    comments: (issue: number) => comments.get(issue) ?? [],
    /** Puts comments on an issue as if someone had written them. */
    seed(issue: number, add: Array<{ body: string; user?: FakeUser }>): FakeComment[] {
      const made = add.map((c) => ({ id: nextId++, body: c.body, user: c.user ?? ACTIONS_BOT }))
      comments.set(issue, [...(comments.get(issue) ?? []), ...made])
      return made
    },
    /** From now on, answer `status` to every call (or only to calls of these methods). */
    deny(status: number, opts: { message?: string; methods?: string[] } = {}): void {
      denied = {
        status,
        message: opts.message ?? 'Resource not accessible by integration',
        methods: opts.methods,
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

export type FakeGitHubApi = Awaited<ReturnType<typeof startGitHubApi>>

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, json: unknown): void {
  const text = JSON.stringify(json)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(text)
}
