/** Builds a source map like a bundler writes: first-party sources under ../src/, deps under node_modules. */
export function bundleMap(opts: {
  firstParty: number
  deps: number
  content: boolean
  bytesEach?: number
}): string {
  const sources: string[] = []
  const contents: string[] = []
  const body = (i: number) => `export const value${i} = ${i}\n`.padEnd(opts.bytesEach ?? 40, '/')
  for (let i = 0; i < opts.firstParty; i++) {
    sources.push(`../src/${i % 3 === 0 ? 'tools' : 'commands'}/file${i}.ts`)
    contents.push(body(i))
  }
  for (let i = 0; i < opts.deps; i++) {
    sources.push(`../node_modules/dep${i % 50}/lib/m${i}.js`)
    contents.push(body(i))
  }
  const map: Record<string, unknown> = {
    version: 3,
    file: 'cli.js',
    sources,
    names: [],
    mappings: 'AAAA;'.repeat(1000),
  }
  if (opts.content) map.sourcesContent = contents
  return JSON.stringify(map)
}
