import { generateKeyPairSync } from 'node:crypto'
import { matchesIn } from '../engine/context.js'
import { readPemKey } from '../kit/pem.js'
import { ALNUM, B64URL, fake } from '../kit/samples.js'
import { B, E, judge, tokenDetector } from '../kit/token.js'
import { PRIORITY, type Hit, defineDetector } from '../engine/types.js'

/** Words that say a Google API key is for Gemini (AI Studio, the Generative Language API). */
const GEMINI = /gemini|generativelanguage|generative-ai|genai|ai ?studio/i

/**
 * Browser API keys (Maps, Firebase) are meant to ship and be restricted by referrer, so this is
 * a warning: check the key's restrictions rather than assume a leak. Gemini (AI Studio) keys
 * have the same shape but bill for model use and are never meant for a browser: one named in a
 * Gemini context is an error, labelled as a Gemini key.
 */
const googleKey = tokenDetector({
  id: 'secret/google-api-key',
  title: 'Google API key',
  provider: 'Google Cloud',
  description:
    'A Google API key (`AIza` + 35 characters), Gemini / AI Studio keys included. Browser keys ship by design, so check that it is restricted; a key in a Gemini context (`GEMINI_API_KEY`, `generativelanguage.googleapis.com`) is an error.',
  severity: 'warning',
  keywords: ['aiza'],
  pattern: `${B}AIza(?<body>[0-9A-Za-z_-]{35})${E}`,
  samples: {
    match: () => [
      'AI' + 'za' + fake(35, B64URL, 'gapi-1'),
      `apiKey: "AI${'za'}${fake(35, B64URL, 'gapi-2')}"`,
      `GEMINI_API_KEY=AI${'za'}${fake(35, B64URL, 'gapi-4')}`,
      `const genAI = new GoogleGenerativeAI("AI${'za'}${fake(35, B64URL, 'gapi-5')}")`,
    ],
    noMatch: () => [
      'AIza' + 'X'.repeat(35),
      'apiKey: "AIza..."',
      'AIza' + fake(30, B64URL, 'gapi-3'),
      'apiKey: "AIzaSyYOUR_API_KEY_HERE_0123456789abc"',
      'GEMINI_API_KEY=AIza...',
    ],
  },
})

export const googleApiKey = defineDetector({
  ...googleKey,
  judged:
    'error when named or used as a Gemini key (`GEMINI_API_KEY`, `generativelanguage.googleapis.com`): it bills for model use',
  find(text, at, ctx) {
    const hit = googleKey.find!(text, at, ctx) as Hit | undefined
    if (!hit || hit.unverified) return hit
    const around = text.slice(Math.max(0, hit.start - 200), Math.min(text.length, hit.end + 80))
    if (!GEMINI.test(around)) return hit
    return {
      ...hit,
      label: 'Google API key (Gemini)',
      severity: 'error',
      why: 'a Gemini API key bills for model use and is never meant to ship',
    }
  },
})

export const googleOauthClientSecret = tokenDetector({
  id: 'secret/google-oauth-client-secret',
  title: 'Google OAuth client secret',
  provider: 'Google Cloud',
  description: 'A Google OAuth client secret (`GOCSPX-`).',
  keywords: ['gocspx-'],
  pattern: `${B}GOCSPX-(?<body>[A-Za-z0-9_-]{28})${E}`,
  samples: {
    match: () => [`client_secret: "${['GOCSPX', fake(28, B64URL, 'goc-1')].join('-')}"`],
    noMatch: () => ['GOCSPX-' + 'x'.repeat(28), 'GOCSPX-<client-secret>'],
  },
})

// in JSON, a JS object, or JSON inside a string literal (quotes escaped as \")
const Q = `(?:\\\\{0,3}["'])`
const TYPE_RE = new RegExp(`${Q}?type${Q}?\\s{0,8}:\\s{0,8}${Q}service_account${Q}`, 'g')
const PRIVATE_KEY_RE = new RegExp(`${Q}?private_key${Q}?\\s{0,8}:\\s{0,8}${Q}`, 'g')

/**
 * A service-account key file (`"type": "service_account"` with a `"private_key"`): the PEM is
 * reported once, as the whole credential, instead of as a bare private key.
 */
export const googleServiceAccount = defineDetector({
  id: 'secret/google-service-account',
  title: 'Google Cloud service account key',
  provider: 'Google Cloud',
  description:
    'A Google Cloud service-account key file (`"type": "service_account"` with a `"private_key"`).',
  priority: PRIORITY.document,
  near: {
    keywords: ['service_account'],
    before: 4096,
    after: 4096,
    find(text, from, to, ctx) {
      if (matchesIn(TYPE_RE, text, from, to).length === 0) return []
      const hits: Hit[] = []
      for (const m of matchesIn(PRIVATE_KEY_RE, text, from, to)) {
        const block = readPemKey(text, m.index + m[0].length, ctx)
        if (!block) continue
        const hit = judge(block.body, block.body, block.start, { verify: () => block.problem })
        if (hit) hits.push({ ...hit, end: Math.max(hit.end, block.end) })
      }
      return hits
    },
  },
  samples: {
    match: () => {
      const pem = generateKeyPairSync('rsa', { modulusLength: 1024 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString()
      const file = {
        type: 'service_account',
        project_id: 'demo-project',
        private_key_id: fake(40, '0123456789abcdef', 'gsa-1'),
        private_key: pem,
        client_email: 'ci@demo-project.iam.gserviceaccount.com',
        client_id: fake(21, '0123456789', 'gsa-2'),
      }
      return [JSON.stringify(file, null, 2), `module.exports=${JSON.stringify(file)}`]
    },
    noMatch: () => [
      '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}',
      '{"type": "service_account", "private_key": process.env.GCP_KEY}',
      `if (creds.type === "service_account") use(creds.private_key) // ${fake(10, ALNUM, 'gsa-3')}`,
    ],
  },
})
