import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { DETECTORS } from '../src/rules/secrets/detectors/index.js'
import { runAction } from './helpers/action.js'
import { tempDir, writeTree } from './helpers/fs.js'
import { runCli } from './helpers/run.js'
import { npmTgz } from './helpers/tar.js'
import { zip } from './helpers/zip.js'

/** Canary secrets, generated at run time by the detectors' own sample builders. */
const sample = (id: string, i = 0) => {
  const d = DETECTORS.find((x) => x.id === id)
  if (!d) throw new Error(id)
  return d.samples.match()[i]
}
const gh = sample('secret/github-token')
const npmToken = sample('secret/npm-token')
const stripe = sample('secret/stripe-secret-key')
const awsLine = sample('secret/aws-secret-access-key')
const aws = awsLine.split('= ')[1]
const dbUrl = sample('secret/database-url').split('=')[1]
const dbPassword = /:\/\/[^:]+:([^@]+)@/.exec(dbUrl)?.[1] ?? ''
const pem = sample('secret/private-key')
const pemLines = pem.split('\n').filter((l) => l.length >= 40 && !l.startsWith('-----'))
const CANARIES = [gh, npmToken, stripe, aws, dbPassword, ...pemLines]

/** Every 12-character window of every canary: a redacted value shows at most 4 characters. */
function leaks(text: string): string[] {
  const out: string[] = []
  for (const c of CANARIES) {
    for (let k = 0; k + 12 <= c.length; k += 4)
      if (text.includes(c.slice(k, k + 12))) out.push(c.slice(0, 6))
  }
  return [...new Set(out)]
}

let dir: string
beforeAll(async () => {
  dir = await tempDir()
  const map = JSON.stringify({
    version: 3,
    sources: ['../src/db.ts'],
    sourcesContent: [`export const url = "${dbUrl}"\n`],
    mappings: '',
  })
  const native = Buffer.concat([
    Buffer.alloc(64),
    Buffer.from(`\u0001${stripe}\u0000`),
    Buffer.alloc(64),
  ])
  await writeTree(dir, {
    'leaky-1.0.0.tgz': npmTgz({
      'package.json': '{"name":"leaky","version":"1.0.0","files":["dist"]}',
      'dist/config.js': `const token = "${gh}"\nmodule.exports = { token }\n`,
      '.env': `NPM_TOKEN=${npmToken}\n${awsLine}\n`,
      'dist/app.js.map': map,
      'dist/native.node': native,
      'vendor/keys.zip': zip([{ name: 'deploy/key.pem', content: pem }]),
      // A token used as a folder name: every path that names it is printed redacted.
      [`cache/${stripe}/settings.json`]: '{}',
      [`cache/${stripe}/.env`]: 'A=1\n',
    }),
  })
})

describe('canary secrets never leave the detector', () => {
  test('the canaries are really found (so the test cannot pass by finding nothing)', () => {
    const r = runCli(['check', 'leaky-1.0.0.tgz', '--format', 'json'], { cwd: dir })
    const rules = new Set(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule))
    for (const id of [
      'secret/github-token',
      'secret/npm-token',
      'secret/stripe-secret-key',
      'secret/aws-secret-access-key',
      'secret/database-url',
      'secret/private-key',
    ]) {
      expect(rules).toContain(id)
    }
  })

  test.each(['text', 'json', 'markdown', 'sarif'])(
    'CLI --format %s: stdout and stderr',
    (format) => {
      const r = runCli(['check', 'leaky-1.0.0.tgz', '--format', format], {
        cwd: dir,
        env: { FORCE_COLOR: '1', NO_COLOR: '' },
      })
      expect(r.status).toBe(1)
      expect(leaks(r.stdout + r.stderr)).toEqual([])
    },
  )

  test('the Action: log, annotations, outputs, job summary, report and SARIF files', async () => {
    const r = await runAction(dir, { path: 'leaky-1.0.0.tgz', 'sarif-file': 'out.sarif' })
    expect(r.status).toBe(1)
    // add-mask commands are consumed by the runner, which hides the values in every later line.
    const masks = r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'))
    const log = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    expect(log).toMatch(/::error title=packguard secret\//)
    expect(leaks(log)).toEqual([])
    expect(leaks(r.summary)).toEqual([])
    expect(leaks(JSON.stringify(r.outputs))).toEqual([])
    expect(leaks(await readFile(r.outputs.report, 'utf8'))).toEqual([])
    expect(leaks(await readFile(join(dir, 'out.sarif'), 'utf8'))).toEqual([])
    for (const c of [gh, npmToken, stripe, aws, dbPassword])
      expect(masks).toContain(`::add-mask::${c}`)
  })
})
