// What a release tag says: the version being released and, in a monorepo, which package.

/** A release: its version, and the package it names when the tag names one. */
export interface Release {
  version: string
  /** `@acme/core` or `core` from `@acme/core@2.4.0`, `core@2.4.0`, `core-v2.4.0`, `core/v2.4.0`. */
  package?: string
}

const VERSION = String.raw`v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)`
const PLAIN = new RegExp(`^${VERSION}$`)
// The package part is the shortest that leaves a version after `@`, `-` or `/`.
const NAMED = new RegExp(String.raw`^(.+?)(?:@|-|/)${VERSION}$`)

/**
 * Reads a tag (or `--expect-version`): `v1.2.3` and `1.2.3` name a version for every package;
 * `@acme/core@2.4.0` (changesets, lerna), `core@2.4.0`, `core-v2.4.0` (release-please) and
 * `core/v2.4.0` name one package. Undefined when no version can be read.
 */
export function parseRelease(tag: string): Release | undefined {
  const plain = PLAIN.exec(tag)
  if (plain) return { version: plain[1] }
  const named = NAMED.exec(tag)
  return named ? { version: named[2], package: named[1] } : undefined
}

/** Whether a release applies to the package `name`: it names none, or names this one (scope optional). */
export function releaseApplies(release: Release, name: string | undefined): boolean {
  if (release.package === undefined) return true
  if (name === undefined) return false
  return release.package === name || name.replace(/^@[^/]+\//, '') === release.package
}

/** `refs/tags/<tag>` -> `<tag>` when it names a release (see parseRelease); other refs name none. */
export function releaseFromRef(ref: string | undefined): string | undefined {
  const tag = /^refs\/tags\/(.+)$/.exec(ref ?? '')?.[1]
  return tag !== undefined && parseRelease(tag) ? tag : undefined
}
