import { execFile } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { expect, test } from '@jest/globals'
import { tempDir, writeTree } from './helpers/fs.js'
import { CLI } from './helpers/run.js'

/** Every path under `dir`, relative to it. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort()
}

test('package-folder mode writes nothing and asks no registry, whatever the folder says', async () => {
  let requests = 0
  const registry = createServer((_, res) => {
    requests++
    res.writeHead(500).end()
  })
  await new Promise<void>((ok) => registry.listen(0, '127.0.0.1', ok))
  const port = (registry.address() as AddressInfo).port
  const home = await tempDir()
  const tmp = await tempDir()
  const ws = await tempDir()
  const pkg = join(ws, 'pkg')
  await writeTree(pkg, {
    'package.json': JSON.stringify({ name: 'demo', version: '1.0.0', files: ['index.js'] }),
    'index.js': 'module.exports = 1',
    // The checked folder tries to send npm's cache and logs elsewhere and turn its update check on.
    '.npmrc': [
      `cache=${join(ws, 'redirected-cache')}`,
      `logs-dir=${join(ws, 'redirected-logs')}`,
      `registry=http://127.0.0.1:${port}/`,
      'update-notifier=true',
      'loglevel=silly',
    ].join('\n'),
  })
  const before = await tree(ws)
  try {
    const r = await new Promise<{ code: number; stdout: string }>((ok) =>
      execFile(
        process.execPath,
        [CLI, 'check', 'pkg', '--format', 'json'],
        // No CI variable: npm checks for updates only outside CI.
        { cwd: ws, env: { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: tmp } },
        (err, stdout) => ok({ code: err ? Number(err.code) : 0, stdout }),
      ),
    )
    expect(JSON.parse(r.stdout).artifacts[0].format).toBe('npm-directory')
    expect(r.code).toBe(0)
  } finally {
    registry.close()
  }
  expect(await tree(ws)).toEqual(before)
  expect(await tree(home)).toEqual([])
  expect(await tree(tmp)).toEqual([])
  expect(requests).toBe(0)
}, 60_000)
