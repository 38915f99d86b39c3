import { Minimatch } from 'minimatch'

/**
 * A set of globs matched against `/`-separated paths: dotfiles match, `dir/` means `dir/**`, and
 * a pattern without a slash matches the file name at any depth (as in .gitignore).
 */
export interface GlobSet {
  /** The first pattern that matches, or undefined. */
  first(path: string): string | undefined
}

export function compileGlobs(patterns: readonly string[]): GlobSet {
  const compiled = patterns.map((p) => ({
    pattern: p,
    mm: new Minimatch(p.endsWith('/') ? `${p}**` : p, {
      dot: true,
      matchBase: true,
      nocomment: true,
      nonegate: true,
    }),
  }))
  return {
    first(path) {
      return compiled.find((c) => c.mm.match(path))?.pattern
    },
  }
}
