import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@jest/globals'
import { VERSION } from '../src/version.js'
import { ROOT } from './helpers/run.js'

test('the reported version is the package version', async () => {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'))
  expect(VERSION).toBe(pkg.version)
})
