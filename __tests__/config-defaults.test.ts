import { expect, test } from '@jest/globals'
import { defaultConfig } from '../src/config/defaults.js'
import { parseConfig } from '../src/config/parse.js'

// The values the hand-written defaultConfig literal gave before the defaults came from the
// config schema: spelt out here, so moving where they live cannot change them.
const BEFORE = {
  extends: 'recommended',
  files: { forbid: [], require: [] },
  limits: {},
  rules: {},
  ignore: [],
  safety: {
    maxTotalBytes: 2 * 1024 ** 3,
    maxEntryBytes: 512 * 1024 ** 2,
    maxEntries: 250_000,
    maxRatio: 200,
    maxDepth: 3,
  },
  drift: {
    settings: {
      content: false,
      fileTolerance: { percent: 20, absolute: 4096 },
      totalTolerance: { percent: 10, absolute: 100_000 },
      countTolerance: { percent: 10, absolute: 5 },
    },
  },
  content: [],
}

test('the defaults are the ones packguard has always had', () => {
  expect(defaultConfig()).toEqual(BEFORE)
})

test('an empty config file gives the defaults', () => {
  expect(parseConfig('', 'x.yml')).toEqual({ ...BEFORE, source: 'x.yml' })
  expect(parseConfig('# nothing\n', 'x.yml')).toEqual({ ...BEFORE, source: 'x.yml' })
})

test('a tolerance given replaces the default whole: the bounds not given do not apply', () => {
  const c = parseConfig('drift:\n  size-tolerance: { percent: 5 }\n', 'x.yml')
  expect(c.drift.settings.fileTolerance).toEqual({ percent: 5 })
  expect(c.drift.settings.totalTolerance).toEqual(BEFORE.drift.settings.totalTolerance)
})

test('a content rule is an error unless it says otherwise', () => {
  const c = parseConfig('content:\n  - name: x\n    strings: [y]\n', 'x.yml')
  expect(c.content[0].severity).toBe('error')
})
