import { normalizeEntryPath } from '../sources/paths.js'
import type { Entry } from '../sources/types.js'
import type { RawFinding } from '../findings.js'

type LinkId = 'archive/link' | 'archive/link-escape'

/** How many links one target may pass through before it is given up on (Linux's limit). */
const MAX_HOPS = 40

interface Link {
  /** The path the findings name (with `outer.zip!/` for a nested archive). */
  file: string
  /** The path inside its own archive. */
  inner: string
  type: 'symlink' | 'hardlink'
  target: string
  /** The top folder stripped from the archive's paths (`package/`), which hardlink targets keep. */
  top: string
}

/** The links of one archive (the artifact, or one archive nested in it), by path. */
interface Root {
  symlinks: Map<string, Link>
  links: Link[]
}

/**
 * Judges links as an extractor would meet them. A link whose target leaves the package root
 * (absolute, or `..` past the root, also by way of other links in the archive) and an entry
 * written through a symlink (`lib` a link, then `lib/x.js`) are `archive/link-escape` errors;
 * a link that stays inside is an `archive/link` warning. Targets are resolved once the whole
 * artifact is read, since a later link can change where an earlier one leads.
 */
export class LinkJudge {
  private readonly roots = new Map<string, Root>()

  /** Records a link; for any other entry, whether it is written through a symlink. */
  entry(e: Entry): RawFinding<LinkId> | undefined {
    // Most artifacts hold no link at all: nothing to look up then.
    if (this.roots.size === 0 && e.type !== 'symlink' && e.type !== 'hardlink') return undefined
    const { key, inner } = split(e)
    if (e.type === 'symlink' || e.type === 'hardlink') {
      const root = this.root(key)
      const link: Link = {
        file: e.path,
        inner,
        type: e.type,
        target: e.linkTarget ?? '',
        top: topOf(e),
      }
      root.links.push(link)
      const through = root.symlinks.size > 0 ? writtenThrough(root, inner) : undefined
      if (e.type === 'symlink') root.symlinks.set(inner, link)
      return through && throughFinding(e.path, through)
    }
    const root = this.roots.get(key)
    const through = root && root.symlinks.size > 0 ? writtenThrough(root, inner) : undefined
    return through && throughFinding(e.path, through)
  }

  /** Every link, judged with all the archive's symlinks known. */
  end(): RawFinding<LinkId>[] {
    const out: RawFinding<LinkId>[] = []
    for (const root of this.roots.values()) {
      for (const link of root.links) {
        const escape = escapes(root, link)
        out.push(
          escape
            ? {
                rule: 'archive/link-escape',
                file: link.file,
                message: `${link.file} is a ${link.type} to '${link.target}', outside the package (${escape}); extracting it reaches files outside the package`,
                key: link.target,
              }
            : {
                rule: 'archive/link',
                file: link.file,
                message: `${link.file} is a ${link.type} to '${link.target}' (not followed)`,
                key: link.target,
              },
        )
      }
    }
    return out
  }

  private root(key: string): Root {
    let root = this.roots.get(key)
    if (!root) this.roots.set(key, (root = { symlinks: new Map(), links: [] }))
    return root
  }
}

function throughFinding(file: string, link: Link): RawFinding<LinkId> {
  return {
    rule: 'archive/link-escape',
    file,
    message: `${file} is written through the symlink ${link.file} (to '${link.target}'): an extractor that follows it writes where the link points, not where the entry says`,
    key: link.file,
  }
}

/**
 * The archive an entry belongs to and its path inside it. A nested path is `outer!/inner`; an
 * inner path that itself holds `!/` only makes the root deeper, so more links are judged as
 * leaving it, never fewer.
 */
function split(e: Entry): { key: string; inner: string } {
  if (!e.depth) return { key: '', inner: e.path }
  const at = e.path.lastIndexOf('!/')
  return { key: e.path.slice(0, at), inner: e.path.slice(at + 2) }
}

/** The top folder stripped from the raw name (`package/`), or ''. */
function topOf(e: Entry): string {
  const raw = normalizeEntryPath(e.rawPath)
  const inner = split(e).inner
  return inner && raw.endsWith(inner) ? raw.slice(0, raw.length - inner.length) : ''
}

/** The first folder of `path` that an earlier entry made a symlink, if any. */
function writtenThrough(root: Root, path: string): Link | undefined {
  for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
    const link = root.symlinks.get(path.slice(0, i))
    if (link) return link
  }
  return undefined
}

/** Why a link's target leaves the root, or undefined when it stays inside. */
function escapes(root: Root, link: Link): string | undefined {
  // A symlink's target is read from its folder, a hardlink's from the archive's root.
  let target = link.target
  if (link.type === 'hardlink' && link.top && target.startsWith(link.top)) {
    target = target.slice(link.top.length)
  }
  const from = link.type === 'symlink' ? link.inner.split('/').slice(0, -1) : []
  const state: Walk = { hops: 0 }
  const end = walk(root, from, target, state)
  if (typeof end !== 'string') return undefined
  return state.via ? `by way of ${state.via}: ${end}` : end
}

/** Links followed so far, and the first one (named in the finding). */
interface Walk {
  hops: number
  via?: string
}

const ABSOLUTE = /^(?:[\\/]|[a-zA-Z]:)/

/**
 * Walks `target` from the folder `from` as the kernel resolves a path: `..` goes up, and a
 * segment that is a symlink of the archive is replaced by where it leads. Returns where the walk
 * ends, or why it left the root. A loop (past MAX_HOPS) stops where it is: it leads nowhere.
 */
function walk(root: Root, from: string[], target: string, state: Walk): string[] | string {
  if (ABSOLUTE.test(target)) return 'an absolute path'
  const at = [...from]
  for (const seg of target.split(/[\\/]+/)) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') {
      if (at.length === 0) return "'..' past the package root"
      at.pop()
      continue
    }
    at.push(seg)
    const next = root.symlinks.get(at.join('/'))
    if (!next || ++state.hops > MAX_HOPS) continue
    state.via ??= next.file
    at.pop()
    const end = walk(root, at, next.target, state)
    if (typeof end === 'string') return end
    at.splice(0, at.length, ...end)
  }
  return at
}
