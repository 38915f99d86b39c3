import { boundDetector, Q } from '../kit/bound.js'
import { uuid } from '../kit/service-samples.js'

export const postmarkToken = boundDetector({
  id: 'secret/postmark-token',
  title: 'Postmark server or account token',
  provider: 'Postmark',
  description:
    'A Postmark server or account API token (a UUID) near "postmark", named for it (`POSTMARK_SERVER_TOKEN`, `X-Postmark-Server-Token`), or the first argument of `new postmark.ServerClient(…)`.',
  near: ['postmark'],
  value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  chars: 'A-Za-z0-9-',
  names: /^x?postmark(?:api|server|account)*(?:token|key)$/,
  blockNames: /^(?:api|server|account)?(?:token|key)$/,
  place: new RegExp(`(?:Server|Account)Client\\([ \\t]*${Q}$`),
  samples: {
    match: () => [
      `POSTMARK_SERVER_TOKEN=${uuid('pm-1')}`,
      `const client = new postmark.ServerClient("${uuid('pm-2')}")`,
      `headers: { "X-Postmark-Server-Token": "${uuid('pm-3')}" }`,
    ],
    noMatch: () => [
      'const client = new postmark.ServerClient("POSTMARK-SERVER-API-TOKEN-HERE")',
      'POSTMARK_SERVER_TOKEN=${POSTMARK_TOKEN}',
      `// postmark\nconst traceId = "${uuid('pm-4')}"`,
    ],
  },
})
