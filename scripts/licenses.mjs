// The licenses of the packages a bundle holds, from ncc's webpack stats: every package
// (each version apart) whose files were bundled, sorted, with its license file's text. ncc's own
// `--license` keeps one package per name and picks which by build order, which varies between
// builds once a bundle has lazy chunks (two versions of `isarray` swapped in and out).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Package folders (relative to the project) of every bundled module in a stats file. */
function bundledPackages(statsFile) {
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'))
  const folders = new Set()
  const visit = (modules = []) => {
    for (const m of modules) {
      visit(m.modules)
      const name = (m.name ?? '').split('!').at(-1).split('?')[0]
      const at = name.lastIndexOf('node_modules/')
      if (at < 0) continue
      const rest = name.slice(at + 'node_modules/'.length).split('/')
      const pkg = rest[0].startsWith('@') ? rest.slice(0, 2).join('/') : rest[0]
      folders.add(name.slice(0, at) + 'node_modules/' + pkg)
    }
  }
  visit(stats.modules)
  return [...folders]
}

const LICENSE_FILE = /^(licen[cs]e|copying|unlicense)(\.|-|$)/i

function describe(root, folder) {
  const dir = join(root, folder)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'UNKNOWN')
  const file = readdirSync(dir)
    .filter((f) => LICENSE_FILE.test(f))
    .sort()[0]
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : ''
  return { id: `${pkg.name}@${pkg.version}`, license, text }
}

/** The text of licenses.txt for the bundle whose stats are in `statsFile`. */
export function licensesText(root, statsFile) {
  const seen = new Map()
  for (const folder of bundledPackages(statsFile)) {
    const d = describe(root, folder)
    seen.set(d.id, d)
  }
  return (
    [...seen.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((d) => [d.id, d.license, d.text].filter(Boolean).join('\n'))
      .join('\n\n') + '\n'
  )
}
