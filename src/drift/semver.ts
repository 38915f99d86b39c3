/** A version as semver 2.0 defines it; build metadata is kept out, it never affects order. */
export interface Version {
  core: [string, string, string]
  prerelease: string[]
}

const VERSION_RE =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/

/** Parses a strict semver version (`1.2.3`, `1.2.3-beta.1+build`); undefined when it is not one. */
export function parseVersion(text: string): Version | undefined {
  const m = VERSION_RE.exec(text)
  if (!m) return undefined
  return { core: [m[1], m[2], m[3]], prerelease: m[4] ? m[4].split('.') : [] }
}

export const isVersion = (text: string): boolean => VERSION_RE.test(text)

/**
 * Orders two versions by semver precedence: negative when `a` comes first. Both must be valid
 * (see `parseVersion`); numbers are compared as digit strings, so no size limit applies.
 */
export function compareVersions(a: string, b: string): number {
  const va = parseVersion(a)
  const vb = parseVersion(b)
  if (!va || !vb) throw new Error(`Not a semver version: '${va ? b : a}'`)
  for (let i = 0; i < 3; i++) {
    const c = compareNumeric(va.core[i], vb.core[i])
    if (c) return c
  }
  // A release ranks above its prereleases.
  if (!va.prerelease.length || !vb.prerelease.length) {
    return vb.prerelease.length - va.prerelease.length
  }
  const n = Math.min(va.prerelease.length, vb.prerelease.length)
  for (let i = 0; i < n; i++) {
    const c = compareIdentifier(va.prerelease[i], vb.prerelease[i])
    if (c) return c
  }
  return va.prerelease.length - vb.prerelease.length
}

function compareIdentifier(a: string, b: string): number {
  const an = /^\d+$/.test(a)
  const bn = /^\d+$/.test(b)
  if (an && bn) return compareNumeric(a, b)
  if (an !== bn) return an ? -1 : 1 // numeric identifiers rank below alphanumeric ones
  return a < b ? -1 : a > b ? 1 : 0
}

function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}
