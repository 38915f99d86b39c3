import { expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './helpers/run.js'

// The build rewrites the bundles (characters past ASCII become escapes where that means the
// same): every file it writes must still be a module Node accepts, lazily loaded chunks too.
test('every bundled file in dist/ parses', () => {
  const files = readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(ROOT, 'dist', f))
  expect(files.length).toBeGreaterThan(5)
  for (const f of files) {
    const r = spawnSync(process.execPath, ['--check', f], { encoding: 'utf8' })
    expect({ file: f, status: r.status, stderr: r.stderr }).toEqual({
      file: f,
      status: 0,
      stderr: '',
    })
  }
})
