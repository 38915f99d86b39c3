import { isOpenExpression } from './spdx.js'

/** Whether the artifact's own source is public anyway, and the words that say why (or why not). */
export interface Openness {
  public: boolean
  why: string
}

/** The metadata files that say under which license, and from where, a package's source comes. */
export interface MetadataTexts {
  /** package.json of an npm package, or extension/package.json of a VS Code extension. */
  packageJson?: string
  /** *.dist-info/METADATA of a wheel. */
  wheelMetadata?: string
  /** META-INF/maven/<group>/<artifact>/pom.xml of a jar. */
  pom?: string
}

const NOTHING_SAYS: Openness = {
  public: false,
  why: 'no license metadata says its sources are public',
}

/** Judges from whichever metadata the artifact has; where none says, the source is not public. */
export function openness(m: MetadataTexts): Openness {
  if (m.packageJson !== undefined) return npmOpenness(m.packageJson)
  if (m.wheelMetadata !== undefined) return wheelOpenness(m.wheelMetadata)
  if (m.pom !== undefined) return pomOpenness(m.pom)
  return NOTHING_SAYS
}

interface PackageJson {
  private?: unknown
  license?: unknown
  licenses?: unknown
  repository?: unknown
}

function npmOpenness(text: string): Openness {
  let pkg: PackageJson
  try {
    pkg = JSON.parse(text) as PackageJson
  } catch {
    return { public: false, why: 'its package.json does not parse' }
  }
  if (pkg.private === true) return { public: false, why: 'the package is private' }
  const license = npmLicense(pkg)
  if (license === undefined) return { public: false, why: 'package.json names no license' }
  if (!isOpenExpression(license))
    return { public: false, why: `its license '${license}' is not an open-source license` }
  const repo = repositoryUrl(pkg.repository)
  if (!repo || !isPublicRepository(repo))
    return { public: false, why: 'package.json names no public repository' }
  return { public: true, why: `${license}-licensed, public repository: its sources are public` }
}

/** `license`, or the old `licenses: [{ type }]` form, as one SPDX expression. */
function npmLicense(pkg: PackageJson): string | undefined {
  if (typeof pkg.license === 'string') return pkg.license
  if (pkg.license && typeof pkg.license === 'object') {
    const type = (pkg.license as { type?: unknown }).type
    if (typeof type === 'string') return type
  }
  if (Array.isArray(pkg.licenses)) {
    const types = pkg.licenses.map((l) => (l as { type?: unknown })?.type)
    if (types.length && types.every((t) => typeof t === 'string')) return types.join(' OR ')
  }
  return undefined
}

function repositoryUrl(repo: unknown): string | undefined {
  if (typeof repo === 'string') return repo
  if (repo && typeof repo === 'object') {
    const url = (repo as { url?: unknown }).url
    if (typeof url === 'string') return url
  }
  return undefined
}

const HOSTED_SHORTHAND = /^(?:(github|gitlab|bitbucket|gist):)?[\w.-]+\/[\w.-]+$/i
const PRIVATE_HOST =
  /^(?:localhost|[^.]+|.*\.(?:local|localhost|internal|intranet|corp|lan|home|test|invalid|example))$|^(?:10|127)\.|^192\.168\.|^172\.(?:1[6-9]|2\d|3[01])\./i

/**
 * Whether a repository reference can be public: `owner/repo` and hosted shorthands
 * (`github:owner/repo`), or a URL on a host that is not a local or intranet name.
 */
export function isPublicRepository(ref: string): boolean {
  const r = ref.trim()
  if (HOSTED_SHORTHAND.test(r)) return true
  const scp = /^[\w.-]+@([\w.-]+):/.exec(r) // git@github.com:owner/repo.git
  let host = scp?.[1]
  if (!host) {
    try {
      host = new URL(r.replace(/^git\+/, '')).hostname
    } catch {
      return false
    }
  }
  return host !== '' && !PRIVATE_HOST.test(host)
}

/** A wheel's METADATA: License-Expression (PEP 639), OSI classifiers, or a License field. */
function wheelOpenness(text: string): Openness {
  const fields = headerFields(text)
  const expression = fields.get('license-expression')?.[0]
  const classifiers = fields.get('classifier') ?? []
  const osi = classifiers.find((c) => /^License :: OSI Approved\b/.test(c))
  const license = fields.get('license')?.[0]
  const open = expression
    ? isOpenExpression(expression)
    : Boolean(osi) || (license !== undefined && isOpenExpression(license))
  const named = expression ?? osi?.split('::').at(-1)?.trim() ?? license
  if (!named) return { public: false, why: 'its METADATA names no license' }
  if (!open) return { public: false, why: `its license '${named}' is not an open-source license` }
  const urls = [
    ...(fields.get('home-page') ?? []),
    ...(fields.get('project-url') ?? []).map((u) => u.slice(u.indexOf(',') + 1)),
  ]
  if (!urls.some((u) => isPublicRepository(u)))
    return { public: false, why: 'its METADATA names no public project URL' }
  return { public: true, why: `${named}-licensed, public project URL: its sources are public` }
}

/** RFC 822-style headers (the part of METADATA before its blank line), by lower-case name. */
function headerFields(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line)
    if (!m) continue
    const key = m[1].toLowerCase()
    out.set(key, [...(out.get(key) ?? []), m[2].trim()])
  }
  return out
}

/** Common license names and URLs in pom.xml files, as SPDX ids. */
const POM_LICENSES: Array<[RegExp, string]> = [
  [/apache.*2|apache\.org\/licenses\/LICENSE-2\.0/i, 'Apache-2.0'],
  [/\bMIT\b|opensource\.org\/licenses\/MIT/i, 'MIT'],
  [/BSD.*3|3-clause|new bsd/i, 'BSD-3-Clause'],
  [/BSD.*2|2-clause|simplified bsd/i, 'BSD-2-Clause'],
  [/eclipse public license.*2|EPL-2/i, 'EPL-2.0'],
  [/eclipse public license|EPL-1/i, 'EPL-1.0'],
  [/mozilla public license.*2|MPL-2/i, 'MPL-2.0'],
  [/lesser general public license|LGPL/i, 'LGPL-2.1-or-later'],
  [/general public license|GPL/i, 'GPL-2.0-or-later'],
]

/** A jar's Maven pom.xml: `<licenses>` names and `<scm>`/`<url>` for where the source lives. */
function pomOpenness(text: string): Openness {
  const licenses = [...text.matchAll(/<license>([\s\S]*?)<\/license>/g)].map((m) => m[1])
  if (licenses.length === 0) return { public: false, why: 'its pom.xml names no license' }
  const ids = licenses.map((l) => {
    const name = /<name>([\s\S]*?)<\/name>/.exec(l)?.[1] ?? ''
    const url = /<url>([\s\S]*?)<\/url>/.exec(l)?.[1] ?? ''
    return POM_LICENSES.find(([re]) => re.test(name) || re.test(url))?.[1]
  })
  const open = ids.find((id) => id !== undefined)
  if (!open) return { public: false, why: 'its pom.xml names no open-source license' }
  const scm = /<scm>[\s\S]*?<url>([\s\S]*?)<\/url>/.exec(text)?.[1]
  if (!scm || !isPublicRepository(scm.trim()))
    return { public: false, why: 'its pom.xml names no public source repository' }
  return { public: true, why: `${open}-licensed, public repository: its sources are public` }
}
