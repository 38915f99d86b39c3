import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { check } from '../src/check.js'
import { defaultConfig } from '../src/config/defaults.js'
import { parseConfig } from '../src/config/parse.js'
import { ROOT } from './helpers/run.js'

/**
 * Real, well-kept packages as npm installed them (their published file sets). `recommended` must
 * stay quiet on them, or teams turn the check off: no error may come out of any of these.
 */
const PACKAGES = [
  'yaml',
  'minimatch',
  'tar',
  'yauzl',
  'glob',
  're2js',
  '@actions/core',
  '@actions/http-client',
  'ajv',
  'express',
  'jsonwebtoken',
  'semver',
  'typescript-eslint',
  'undici',
  'js-yaml',
  'lru-cache',
]

const SHIP_SOURCES = ['minimatch', 'tar', 'glob', 'lru-cache']

/** Real defects packguard finds in published packages (checked by hand against the registry). */
const REAL_BUGS: Record<string, string[]> = {
  // lru-cache 11.5.x: its react-native export conditions point to index.min.js files it does not ship.
  'lru-cache': [
    'package.json exports["."]["import"]["react-native"]["default"] points to ./dist/esm/react-native/index.min.js, which is not in the artifact',
    'package.json exports["."]["require"]["react-native"]["default"] points to ./dist/commonjs/react-native/index.min.js, which is not in the artifact',
  ],
}

describe('recommended stays quiet on typical clean packages', () => {
  const present = PACKAGES.filter((p) => existsSync(join(ROOT, 'node_modules', p, 'package.json')))

  test('enough of them are installed to mean something', () => {
    expect(present.length).toBeGreaterThanOrEqual(10)
  })

  const run = (name: string, yaml = '') =>
    check({
      cwd: join(ROOT, 'node_modules'),
      artifacts: [name],
      config: yaml ? parseConfig(yaml, 'test.yml') : defaultConfig(),
      failOn: 'error',
      pack: false,
    })

  test.each(present.filter((p) => !SHIP_SOURCES.includes(p)))('%s', async (name) => {
    const report = await run(name)
    const errors = report.findings
      .filter((f) => f.severity === 'error')
      .map((f) => `${f.rule} ${f.file}: ${f.message}`)
    expect(errors).toEqual([])
    expect(report.artifacts[0].error).toBeUndefined()
  })

  // These publish maps with sourcesContent on purpose (open source built with tshy, licensed
  // ISC or BlueOak-1.0.0, public repository): a warning that says why, an error under strict.
  test.each(present.filter((p) => SHIP_SOURCES.includes(p)))(
    '%s (ships its sources on purpose)',
    async (name) => {
      const recommended = await run(name)
      const maps = recommended.findings.filter((f) => f.rule === 'sourcemap/sources-content')
      expect(maps.length).toBeGreaterThan(0)
      for (const m of maps) {
        expect(m.severity).toBe('warning')
        expect(m.message).toMatch(/-licensed, public repository: its sources are public/)
      }
      const errors = recommended.findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.message)
      expect(errors).toEqual(REAL_BUGS[name] ?? [])
      const strict = await run(name, 'extends: strict\n')
      expect(
        strict.findings
          .filter((f) => f.rule === 'sourcemap/sources-content')
          .map((f) => f.severity),
      ).toEqual(maps.map(() => 'error'))
    },
  )
})
