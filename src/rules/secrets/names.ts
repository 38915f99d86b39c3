/** Names shorter than this hold no token (the shortest detector match is longer). */
const MIN_NAME = 8

/**
 * Entry names are scanned for secrets too: a token used as a folder or file name ships as surely
 * as one inside a file. Each folder or file name is scanned once, as the text of the path that
 * ends with it (`ghp_…/config.js` reports the folder `ghp_…`, not every file in it); the
 * findings pipeline then redacts the secret in every path it prints.
 */
export class NameScan {
  private readonly seen = new Set<string>()

  constructor(private readonly scanName: (name: string, path: string) => void) {}

  scan(path: string): void {
    let from = 0
    for (;;) {
      const slash = path.indexOf('/', from)
      const end = slash < 0 ? path.length : slash
      if (end - from >= MIN_NAME) {
        const prefix = path.slice(0, end)
        if (!this.seen.has(prefix)) {
          this.seen.add(prefix)
          this.scanName(path.slice(from, end), prefix)
        }
      }
      if (slash < 0) return
      from = slash + 1
    }
  }
}
