import { describe, expect, test } from '@jest/globals'
import { parseRelease, releaseApplies, releaseFromRef } from '../src/release-tag.js'

describe('parseRelease', () => {
  test.each([
    ['v1.2.3', { version: '1.2.3' }],
    ['1.2.3', { version: '1.2.3' }],
    ['v2.0.0-rc.1+build.5', { version: '2.0.0-rc.1+build.5' }],
    ['@acme/core@2.4.0', { version: '2.4.0', package: '@acme/core' }],
    ['core@2.4.0', { version: '2.4.0', package: 'core' }],
    ['core-v2.4.0', { version: '2.4.0', package: 'core' }],
    ['my-lib-1.2.3', { version: '1.2.3', package: 'my-lib' }],
    ['core/v2.4.0-beta.2', { version: '2.4.0-beta.2', package: 'core' }],
    ['@acme/ui-kit@10.0.1', { version: '10.0.1', package: '@acme/ui-kit' }],
  ])('%s', (tag, release) => {
    expect(parseRelease(tag)).toEqual(release)
  })

  test.each(['latest', 'release-2024', 'v1.2', 'core@next', ''])('%s names no release', (tag) => {
    expect(parseRelease(tag)).toBeUndefined()
  })
})

describe('releaseApplies', () => {
  test('a plain version applies to every package', () => {
    expect(releaseApplies({ version: '1.0.0' }, '@acme/core')).toBe(true)
    expect(releaseApplies({ version: '1.0.0' }, undefined)).toBe(true)
  })
  test('a named release applies to that package only, by full or unscoped name', () => {
    const core = (p: string) => releaseApplies({ version: '2.4.0', package: p }, '@acme/core')
    expect([core('@acme/core'), core('core'), core('@other/core'), core('utils')]).toEqual([
      true,
      true,
      false,
      false,
    ])
    expect(releaseApplies({ version: '1.0.0', package: 'core' }, undefined)).toBe(false)
  })
})

test('releaseFromRef keeps the tag of a release and nothing else', () => {
  expect(releaseFromRef('refs/tags/@acme/core@2.4.0')).toBe('@acme/core@2.4.0')
  expect(releaseFromRef('refs/tags/v1.2.3')).toBe('v1.2.3')
  expect(releaseFromRef('refs/heads/main')).toBeUndefined()
  expect(releaseFromRef('refs/tags/nightly')).toBeUndefined()
  expect(releaseFromRef(undefined)).toBeUndefined()
})
