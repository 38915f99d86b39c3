import { docsAnchor } from '../rules/registry.js'
import { DETECTORS } from '../rules/secrets/detectors/index.js'
import type { Detector } from '../rules/secrets/engine/types.js'
import { replaceBetween } from './markers.js'

const START =
  '<!-- secret-providers:start (generated from src/rules/secrets/detectors by `npm run docs`) -->'
const END = '<!-- secret-providers:end -->'
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').trim()

/** Detectors by provider, providers in alphabetical order and `generic` shapes last. */
function byProvider(detectors: readonly Detector[]): [string, Detector[]][] {
  const groups = new Map<string, Detector[]>()
  for (const d of detectors) groups.set(d.provider, [...(groups.get(d.provider) ?? []), d])
  const rank = (p: string) => (p === 'generic' ? 1 : 0)
  return [...groups].sort(
    ([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'en', { sensitivity: 'base' }),
  )
}

/** How many providers the detectors cover (`generic` shapes are not a provider). */
export function providerCount(detectors: readonly Detector[] = DETECTORS): number {
  return new Set(detectors.map((d) => d.provider).filter((p) => p !== 'generic')).size
}

/** The README's provider list: one row per provider, each detector linked to its rule section. */
export function renderProviderList(detectors: readonly Detector[] = DETECTORS): string {
  const out = [
    `${detectors.length} detectors for ${providerCount(detectors)} providers and generic shapes; the format of each is in [docs/rules.md](docs/rules.md#secret-providers).`,
    '',
    '| Provider | Finds |',
    '| --- | --- |',
  ]
  for (const [provider, list] of byProvider(detectors)) {
    const finds = list.map((d) => `[${d.title}](docs/rules.md#${docsAnchor(d.id)})`)
    out.push(`| ${cell(provider)} | ${cell(finds.join(', '))} |`)
  }
  return out.join('\n')
}

/** The provider table of docs/rules.md: every detector with the format it recognizes. */
export function renderProviderTable(detectors: readonly Detector[] = DETECTORS): string[] {
  const out = ['| Provider | Rule | Format |', '| --- | --- | --- |']
  for (const [provider, list] of byProvider(detectors))
    for (const d of list)
      out.push(
        `| ${cell(provider)} | [\`${d.id}\`](#${docsAnchor(d.id)}) | ${cell(d.description)} |`,
      )
  return out
}

/** README text with the generated provider list replaced. */
export function withProviderList(readme: string): string {
  return replaceBetween(readme, START, END, renderProviderList())
}
