import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { tempDir, writeTree } from './fs.js'
import { ROOT } from './run.js'

/** A real npm registry (Verdaccio) on 127.0.0.1, with its own storage and no uplinks. */
export interface LocalRegistry {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  url: string
  /** `//127.0.0.1:40123/`: the prefix npm uses for per-registry settings such as `_authToken`. */
  nerfDart: string
  /** Stops the server and waits for its process to exit. */
  stop(): Promise<void>
}

/**
 * Packages under `@private/` need a logged-in user to read or publish; everything else is open to
 * anyone, so tests can publish anonymously.
 */
const CONFIG = (storage: string, htpasswd: string) => `
storage: ${JSON.stringify(storage)}
auth:
  htpasswd:
    file: ${JSON.stringify(htpasswd)}
    max_users: 100
uplinks: {}
packages:
  '@private/*':
    access: $authenticated
    publish: $authenticated
    unpublish: $authenticated
  '**':
    access: $all
    publish: $all
    unpublish: $all
web:
  enable: false
log: { type: stdout, format: json, level: error }
`

// Runs in the child: Verdaccio's programmatic API, listening on a free port chosen by the OS,
// which is sent back over IPC (no guessed port, no race). The child exits when its parent goes.
const BOOT = `
const { runServer } = require('verdaccio')
process.on('disconnect', () => process.exit(0))
runServer(process.argv[1]).then(
  (app) => {
    const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }))
  },
  (err) => { console.error(err); process.exit(1) },
)
`

/** Starts Verdaccio in a child process with temp storage and config; resolves once it listens. */
export async function startRegistry(): Promise<LocalRegistry> {
  const dir = await tempDir()
  const storage = join(dir, 'storage')
  await mkdir(storage)
  const config = join(dir, 'config.yaml')
  await writeFile(config, CONFIG(storage, join(dir, 'htpasswd')))
  const child = spawn(process.execPath, ['-e', BOOT, config], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { PATH: process.env.PATH ?? '', HOME: dir, NODE_ENV: 'production' },
  })
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    const collect = (b: Buffer) => (output += b.toString())
    child.stdout?.on('data', collect)
    child.stderr?.on('data', collect)
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`verdaccio did not start within 20 s: ${output}`))
    }, 20_000)
    child.once('message', (m: { port: number }) => {
      clearTimeout(timer)
      resolve(m.port)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`verdaccio exited with ${code}: ${output}`))
    })
  })
  const url = `http://127.0.0.1:${port}/`
  return { url, nerfDart: `//127.0.0.1:${port}/`, stop: () => stopChild(child) }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.disconnect?.()
  child.kill('SIGTERM')
  await exited
}

/**
 * Creates a registry user (npm's own `adduser` request) and returns its token. The password is
 * built at run time; nothing token-like is written in the source.
 */
export async function addUser(registry: LocalRegistry, name: string): Promise<string> {
  const password = ['pw', process.pid, Date.now()].join('-')
  const body = JSON.stringify({
    name,
    password,
    type: 'user',
    roles: [],
    date: new Date().toISOString(),
  })
  const res = await httpJson(`${registry.url}-/user/org.couchdb.user:${name}`, 'PUT', body)
  if (typeof res.token !== 'string')
    throw new Error(`adduser returned no token: ${JSON.stringify(res)}`)
  return res.token
}

function httpJson(url: string, method: string, body: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { 'content-type': 'application/json', connection: 'close' } },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => {
          try {
            resolve(JSON.parse(text))
          } catch {
            reject(new Error(`${method} ${url}: ${res.statusCode} ${text}`))
          }
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * An environment for npm that sees none of the machine's npm settings: no `npm_config_*` from an
 * outer `npm test`, an empty user and global config, a private cache, no retries (so a refused
 * connection fails at once). Only `.npmrc` files in the project folder configure npm then.
 */
export async function isolatedNpmEnv(
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const dir = await tempDir()
  // npm refuses to load one file as both user and global config.
  await writeTree(dir, { 'user-npmrc': '', 'global-npmrc': '' })
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^npm_config_/i.test(k)) env[k] = v
  }
  return {
    ...env,
    npm_config_userconfig: join(dir, 'user-npmrc'),
    npm_config_globalconfig: join(dir, 'global-npmrc'),
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_fetch_retries: '0',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    ...extra,
  }
}

/** A token-shaped value built at run time, for registries that only want *some* token. */
export const fakeToken = () => ['fake', 'publish', randomBytes(8).toString('hex')].join('-')

/**
 * Publishes a small package with the real `npm publish --registry <url>`, from a temp folder
 * whose `.npmrc` holds the token (a fake one unless the package needs a real user).
 */
export async function publishPackage(
  registry: LocalRegistry,
  pkg: { name: string; version: string; files?: Record<string, string> },
  token = fakeToken(),
): Promise<void> {
  const dir = await tempDir()
  await writeTree(dir, {
    'package.json': JSON.stringify({ name: pkg.name, version: pkg.version, main: 'index.js' }),
    'index.js': `module.exports = ${JSON.stringify(pkg.version)}\n`,
    '.npmrc': `${registry.nerfDart}:_authToken=${token}\n`,
    ...pkg.files,
  })
  await promisify(execFile)(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['publish', '--registry', registry.url, '--access', 'public', '--ignore-scripts'],
    { cwd: dir, env: await isolatedNpmEnv(), shell: process.platform === 'win32', timeout: 60_000 },
  )
}
