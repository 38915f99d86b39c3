import { matchAt } from '../engine/context.js'
import { ALNUM, B64URL, fake } from '../kit/samples.js'
import { B, E, judge } from '../kit/token.js'
import { PRIORITY, defineDetector } from '../engine/types.js'

/** `T3BlbkFJ` is base64 of `OpenAI`; every OpenAI key carries it at a fixed distance from its start. */
const MARKER = 'T3BlbkFJ'

const SHAPES: Array<{ prefix: string; before: number; label: string; re: RegExp }> = [
  {
    prefix: 'sk-',
    before: 20,
    label: 'OpenAI API key',
    re: new RegExp(`${B}sk-[A-Za-z0-9]{20}${MARKER}[A-Za-z0-9]{20}${E}`, 'y'),
  },
  ...(['proj', 'svcacct', 'admin'] as const).flatMap((kind) =>
    [74, 58].map((before) => ({
      prefix: `sk-${kind}-`,
      before,
      label: {
        proj: 'OpenAI project API key',
        svcacct: 'OpenAI service account key',
        admin: 'OpenAI admin key',
      }[kind],
      re: new RegExp(
        `${B}sk-${kind}-[A-Za-z0-9_-]{${before}}${MARKER}[A-Za-z0-9_-]{58,74}${E}`,
        'y',
      ),
    })),
  ),
]

/** Found at the marker, then matched from each start the known shapes put before it. */
export const openaiApiKey = defineDetector({
  id: 'secret/openai-api-key',
  title: 'OpenAI API key',
  provider: 'OpenAI',
  description: 'An OpenAI API key (legacy `sk-`, `sk-proj-`, `sk-svcacct-`, `sk-admin-`).',
  priority: PRIORITY.token,
  keywords: [MARKER],
  find(text, at) {
    if (!text.startsWith(MARKER, at)) return undefined
    for (const shape of SHAPES) {
      const start = at - shape.before - shape.prefix.length
      if (start < 0 || !text.startsWith(shape.prefix, start)) continue
      const m = matchAt(shape.re, text, start)
      if (!m) continue
      // project keys have 58 or 74 characters on each side of the marker
      const tail = m[0].length - (shape.prefix.length + shape.before + MARKER.length)
      if (shape.prefix !== 'sk-' && tail !== 58 && tail !== 74) continue
      const body = m[0].slice(shape.prefix.length).replace(MARKER, '')
      return judge(m[0], body, start, { shown: 4, label: shape.label })
    }
    return undefined
  },
  samples: {
    match: () => [
      `OPENAI_API_KEY=${['sk', fake(20, ALNUM, 'oai-1') + 'T3Blbk' + 'FJ' + fake(20, ALNUM, 'oai-2')].join('-')}`,
      ['sk', 'proj', fake(74, B64URL, 'oai-3') + 'T3Blbk' + 'FJ' + fake(74, B64URL, 'oai-4')].join(
        '-',
      ),
      ['sk', 'admin', fake(58, B64URL, 'oai-5') + 'T3Blbk' + 'FJ' + fake(58, B64URL, 'oai-6')].join(
        '-',
      ),
    ],
    noMatch: () => [
      'sk-proj-...',
      'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'const marker = "T3BlbkFJ"',
      ['sk', 'x'.repeat(20) + 'T3BlbkFJ' + 'x'.repeat(20)].join('-'),
      ['sk', fake(19, ALNUM, 'oai-7') + 'T3BlbkFJ' + fake(20, ALNUM, 'oai-8')].join('-'),
      ['sk', 'proj', fake(74, B64URL, 'oai-9') + 'T3BlbkFJ' + fake(66, B64URL, 'oai-10')].join('-'),
    ],
  },
})
