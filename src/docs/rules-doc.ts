import { docsAnchor, RULES, presetSeverity } from '../rules/registry.js'
import type { RuleMeta } from '../rules/types.js'

/** What a rule's section shows (the content rules' one says in words what they vary by). */
type DocRule = Pick<RuleMeta, 'id' | 'description' | 'judged'> & {
  category: string
  severity: string
}
import { guideFor } from './rule-guides.js'
import { providerCount, renderProviderTable } from './providers-doc.js'

/** docs/rules.md, generated from the rule registry so the two cannot drift apart. */
export function renderRulesDoc(): string {
  const out = [
    '# packguard rules',
    '',
    '<!-- Generated from src/rules by `npm run docs`; a test fails when this file is out of date. -->',
    '',
    'Every finding names one of these rule ids. Change a severity or turn a rule off in',
    '`.github/packguard.yml` under `rules:`, or suppress single findings with `ignore:`',
    '(each suppression is listed in the JSON report).',
    '',
    '| Rule | Category | recommended | strict | none |',
    '| --- | --- | --- | --- | --- |',
  ]
  const rules = [...RULES.values()]
  for (const r of rules) {
    const sev = (p: 'recommended' | 'strict' | 'none') => presetSeverity(p, r)
    out.push(
      `| [\`${r.id}\`](#${docsAnchor(r.id)}) | ${r.category} | ${sev('recommended')} | ${sev('strict')} | ${sev('none')} |`,
    )
  }
  out.push(
    '',
    '## Secret providers',
    '',
    '<a id="secret-providers"></a>',
    '',
    `The \`secret/*\` detectors by provider (${providerCount()} providers), with the format each one recognizes.`,
    '',
    ...renderProviderTable(),
  )
  const contentRule: DocRule = {
    id: 'content/<name>',
    category: 'leak',
    severity: "error (or the rule's own `severity`)",
    description: 'A `content:` rule of the config matched (codenames, internal hosts, markers).',
  }
  for (const r of [...rules, contentRule] as DocRule[]) {
    const guide = guideFor(r.id)
    out.push('', `## ${r.id}`, '', `<a id="${docsAnchor(r.id)}"></a>`, '', r.description, '')
    out.push(`- **Why it matters:** ${guide.why}`)
    out.push(`- **How to fix:** ${guide.fix}`)
    out.push(`- **Category:** ${r.category}. **Severity in recommended:** ${r.severity}.`)
    if (r.judged) out.push(`- **Severity per finding:** ${r.judged}`)
    out.push(
      `- **Configure:** \`rules: { ${r.id}: off | notice | warning | error }\`; suppress one finding with`,
    )
    out.push(`  \`ignore: [{ rule: ${r.id}, path: <glob>, reason: <why> }]\`.`)
  }
  return `${out.join('\n')}\n`
}
