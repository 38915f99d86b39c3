import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { check } from '../../src/check.js'
import { defaultConfig } from '../../src/config/defaults.js'
import { parseConfig } from '../../src/config/parse.js'
import type { FailOn } from '../../src/report/types.js'
import { tempDir } from './fs.js'

/** Writes `bytes` as `name` in a temp folder and checks it with the given YAML config. */
export async function checkBytes(name: string, bytes: Buffer, yaml = '', failOn: FailOn = 'error') {
  const dir = await tempDir()
  await writeFile(join(dir, name), bytes)
  const config = yaml ? parseConfig(yaml, 'test.yml') : defaultConfig()
  return check({ cwd: dir, artifacts: [name], config, failOn, pack: true })
}

export const rulesOf = (r: { findings: Array<{ rule: string }> }) => r.findings.map((f) => f.rule)
