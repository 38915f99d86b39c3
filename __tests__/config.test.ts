import { writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { loadConfig } from '../src/config/load.js'
import { parseConfig } from '../src/config/parse.js'
import { formatSize, parseSize } from '../src/config/units.js'
import { ConfigError } from '../src/errors.js'
import { tempDir } from './helpers/fs.js'

describe('config file', () => {
  test('a full config validates and gets defaults', () => {
    const c = parseConfig(
      `extends: strict
files:
  forbid: ['**/*.map', .env]
  allow: [dist/, package.json]
  require: [dist/index.js]
limits:
  max-total-size: 10MB
  max-file-size: 512KiB
  max-files: 200
rules:
  archive/link: off
ignore:
  - rule: file/forbidden
    path: dist/vendor.js.map
    reason: vendored map, reviewed
safety:
  max-entries: 1000
`,
      'x.yml',
    )
    expect(c.extends).toBe('strict')
    expect(c.files.allow).toEqual(['dist/', 'package.json'])
    expect(c.limits).toEqual({ maxTotalSize: 10_000_000, maxFileSize: 512 * 1024, maxFiles: 200 })
    expect(c.rules['archive/link']).toBe('off')
    expect(c.ignore[0].reason).toBe('vendored map, reviewed')
    expect(c.safety.maxEntries).toBe(1000)
    expect(c.safety.maxTotalBytes).toBeGreaterThan(0)
  })

  test.each([
    ['unknown: 1', /x.yml: unknown: unknown key; expected one of extends, files/],
    ['files: {forbid: "*.map"}', /x.yml: files.forbid: expected a list, got string "\*.map"/],
    ['files: {forbid: [1]}', /x.yml: files.forbid\[0\]: expected a string, got number 1/],
    ['extends: loose', /x.yml: extends: expected one of recommended, strict, none/],
    ['limits: {max-total-size: 10 parsecs}', /x.yml: limits.max-total-size: expected a size/],
    ['limits: {max-files: -1}', /x.yml: limits.max-files: expected a whole number of at least 0/],
    [
      'rules: {file/forbidden: fatal}',
      /x.yml: rules.file\/forbidden: expected one of off, notice, warning, error/,
    ],
    ['rules: {secret/nope: error}', /x.yml: rules.secret\/nope: unknown rule id/],
    ['ignore: [{rule: file/forbidden}]', /x.yml: ignore\[0\].reason: required key is missing/],
    ['ignore: [{rule: nope/*, reason: r}]', /x.yml: ignore\[0\].rule: unknown rule id 'nope\/\*'/],
    ['files: [a', /x.yml: invalid YAML/],
    ['extends: strict\nextends: none', /x.yml: invalid YAML/],
    ['- a list', /x.yml: \(top level\): expected a mapping, got a list/],
  ])('%s is rejected with the file, key and expectation', (yaml, message) => {
    expect(() => parseConfig(yaml, 'x.yml')).toThrow(ConfigError)
    expect(() => parseConfig(yaml, 'x.yml')).toThrow(message)
  })

  test('.github/packguard.yml is found automatically; a named missing file is an error', async () => {
    const dir = await tempDir()
    expect((await loadConfig(dir)).source).toBeUndefined()
    await mkdir(join(dir, '.github'))
    await writeFile(join(dir, '.github/packguard.yml'), 'extends: none\n')
    const found = await loadConfig(dir)
    expect(found.extends).toBe('none')
    expect(found.source).toBe(join(dir, '.github/packguard.yml'))
    await expect(loadConfig(dir, 'other.yml')).rejects.toThrow(
      /other.yml: cannot read config file \(ENOENT\)/,
    )
  })
})

describe('sizes', () => {
  test.each([
    ['500', 500],
    ['10KB', 10_000],
    ['1.5 MB', 1_500_000],
    ['2GiB', 2 * 1024 ** 3],
    ['3kib', 3072],
    [42, 42],
  ])('%s = %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes))

  test('malformed sizes are undefined', () => {
    expect(parseSize('ten')).toBeUndefined()
    expect(parseSize('10 parsecs')).toBeUndefined()
  })

  test('format', () => {
    expect(formatSize(999)).toBe('999 B')
    expect(formatSize(1500)).toBe('1.5 KB')
    expect(formatSize(60_000_000)).toBe('60 MB')
  })
})
