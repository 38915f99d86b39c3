import { execFileSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { check } from '../src/check.js'
import { defaultConfig } from '../src/config/defaults.js'
import { tempDir, writeTree } from './helpers/fs.js'

async function hostileFolder(withPackageJson: boolean): Promise<string> {
  const dir = await tempDir()
  await writeTree(dir, { 'index.js': 'module.exports = 1\n' })
  if (withPackageJson) {
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'h', version: '1.0.0' }))
  }
  await symlink('/etc/passwd', join(dir, 'passwd'))
  await symlink(join(homedir(), '.npmrc'), join(dir, '.npmrc'))
  await symlink('/dev/zero', join(dir, 'zero'))
  execFileSync('mkfifo', [join(dir, 'pipe')])
  return dir
}

const run = (dir: string, pack: boolean) =>
  check({ cwd: dir, artifacts: ['.'], config: defaultConfig(), failOn: 'error', pack })

describe('a folder with links to secrets, devices and a FIFO', () => {
  test('nothing is opened (a FIFO or /dev/zero would hang or flood); each is a finding', async () => {
    const dir = await hostileFolder(false)
    const r = await run(dir, false)
    expect(r.artifacts[0].error).toBeUndefined()
    expect(r.findings.map((f) => [f.rule, f.file]).sort()).toEqual([
      ['archive/link-escape', '.npmrc'],
      ['archive/link-escape', 'passwd'],
      ['archive/link-escape', 'zero'],
      ['archive/special-file', 'pipe'],
      ['file/sensitive-registry-credentials', '.npmrc'],
    ])
    expect(r.findings.find((f) => f.file === 'zero')?.message).toBe(
      "zero is a symlink to '/dev/zero', outside the package (an absolute path); extracting it reaches files outside the package",
    )
  })

  test('as an npm package folder: npm packs no links or FIFOs, so none is read', async () => {
    const dir = await hostileFolder(true)
    const r = await run(dir, true)
    expect(r.artifacts[0].error).toBeUndefined()
    expect(r.artifacts[0].format).toBe('npm-directory')
    expect(r.artifacts[0].files).toBe(2)
    expect(r.findings.map((f) => f.rule)).toEqual(['metadata/no-files-list'])
  })

  test('names that are not valid UTF-8 are findings, kept apart, and their folders walked', async () => {
    const dir = await tempDir()
    const at = (...parts: Array<string | number[]>) =>
      Buffer.concat([Buffer.from(`${dir}/`), ...parts.map((p) => Buffer.from(p as string))])
    await writeFile(at('a', [0xff]), 'one')
    await writeFile(at('a', [0xfe]), 'two')
    await mkdir(at('d', [0xc3]))
    await writeFile(at('d', [0xc3], '/.env'), 'A=1')
    const r = await run(dir, false)
    expect(r.artifacts[0].error).toBeUndefined()
    expect(r.findings.map((f) => [f.rule, f.file]).sort()).toEqual([
      ['archive/invalid-utf8-name', 'a\\xfe'],
      ['archive/invalid-utf8-name', 'a\\xff'],
      ['archive/invalid-utf8-name', 'd\\xc3'],
      ['file/sensitive-env', 'd\\xc3/.env'],
    ])
  })
})
