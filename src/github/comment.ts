import { readFile } from 'node:fs/promises'
import { COMMENT_MARKER } from '../report/comment-body.js'

export interface UpsertCommentOptions {
  token: string
  owner: string
  repo: string
  issueNumber: number
  /** The whole body, marker first (see `renderComment`). */
  body: string
  /** REST API root; default `GITHUB_API_URL` (GitHub Enterprise Server) or api.github.com. */
  apiUrl?: string
  /**
   * Login of the account the token acts as, when it is a personal token. Without it only comments
   * written by a bot (the `GITHUB_TOKEN`'s github-actions[bot], a GitHub App) are updated.
   */
  author?: string
}

export type UpsertCommentResult = { action: 'created' | 'updated' | 'skipped'; warning?: string }

/** The pull request a run belongs to. */
export interface PullRequestRef {
  owner: string
  repo: string
  number: number
}

interface IssueComment {
  id: number
  body?: string | null
  user?: { login?: string; type?: string } | null
}

/**
 * Creates packguard's comment on a pull request, or updates the one an earlier run left (found by
 * its marker), so a pull request carries one packguard comment however often it is checked.
 * Never throws: a token that may not comment (a fork's read-only `GITHUB_TOKEN`, a job without
 * `pull-requests: write`) or an API failure gives `skipped` and a warning, since the check's
 * verdict must not depend on the comment.
 */
export async function upsertComment(opts: UpsertCommentOptions): Promise<UpsertCommentResult> {
  const { owner, repo, issueNumber: issue_number, body } = opts
  try {
    // The GitHub client loads only when a comment is to be written.
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit(opts.token, opts.apiUrl ? { baseUrl: opts.apiUrl } : {})
    let existing: IssueComment | undefined
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number,
      per_page: 100,
    })
    // Stop at the first match: the oldest packguard comment is the one kept up to date.
    for await (const page of pages) {
      existing = page.data.find((c) => isOurs(c, opts.author))
      if (existing) break
    }
    if (existing) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
      return { action: 'updated' }
    }
    await octokit.rest.issues.createComment({ owner, repo, issue_number, body })
    return { action: 'created' }
  } catch (err) {
    return { action: 'skipped', warning: commentWarning(err) }
  }
}

function isOurs(c: IssueComment, author?: string): boolean {
  if (!c.body?.trimStart().startsWith(COMMENT_MARKER)) return false
  // Anyone can post a comment that starts with the marker; updating theirs would put the report
  // under their name, where they could edit it afterwards.
  return c.user?.type === 'Bot' || (!!author && c.user?.login === author)
}

function commentWarning(err: unknown): string {
  const status = (err as { status?: unknown })?.status
  const cause = err instanceof Error ? err.message : String(err)
  const hint =
    status === 403 || status === 404
      ? " (a fork's token is read-only; give the job pull-requests: write)"
      : ''
  return `packguard could not comment on the pull request: ${cause}${hint}`
}

/**
 * The pull request of a `pull_request` or `pull_request_target` run, read from the event payload
 * (`GITHUB_EVENT_PATH`) and `GITHUB_REPOSITORY`; undefined for any other event or without them.
 */
export async function pullRequestFromEnv(
  env: Record<string, string | undefined>,
): Promise<PullRequestRef | undefined> {
  if (!env.GITHUB_EVENT_PATH) return undefined
  let payload: string
  try {
    payload = await readFile(env.GITHUB_EVENT_PATH, 'utf8')
  } catch {
    return undefined
  }
  return pullRequestFromEvent(payload, env.GITHUB_REPOSITORY)
}

/** Like `pullRequestFromEnv`, from the payload's JSON text and `owner/repo`. */
export function pullRequestFromEvent(
  payloadJson: string,
  repository?: string,
): PullRequestRef | undefined {
  let payload: {
    pull_request?: { number?: unknown }
    repository?: { full_name?: unknown }
  }
  try {
    payload = JSON.parse(payloadJson)
  } catch {
    return undefined
  }
  const number = payload?.pull_request?.number
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) return undefined
  const full = repository || payload.repository?.full_name
  const [owner, repo, extra] = typeof full === 'string' ? full.split('/') : []
  if (!owner || !repo || extra !== undefined) return undefined
  return { owner, repo, number }
}

/** The workflow run's page (`GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID`). */
export function runUrlFromEnv(env: Record<string, string | undefined>): string | undefined {
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env
  if (!repository || !runId) return undefined
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  return `${server}/${repository}/actions/runs/${runId}`
}
