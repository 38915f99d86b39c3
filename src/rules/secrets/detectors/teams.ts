import { matchAt } from '../engine/context.js'
import { PRIORITY, defineDetector } from '../engine/types.js'
import { B64URL, fake, HEX } from '../kit/samples.js'
import { uuid } from '../kit/service-samples.js'
import { E, judge } from '../kit/token.js'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
/** The host before the keyword: `https://acme.` or `https://prod-27.westus.`. */
const HOST = /(?:https?:\/\/)?(?:[a-z0-9-]{1,63}\.){1,4}$/i
const OFFICE = new RegExp(
  `(?:webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/${UUID}@${UUID}/IncomingWebhook/(?<body>[0-9a-f]{32})/${UUID}(?:/V2[A-Za-z0-9_-]{20,80})?${E}`,
  'yi',
)

/** Found at the host name, then the subdomain before it is taken in. */
export const teamsWebhook = defineDetector({
  id: 'secret/teams-webhook',
  title: 'Microsoft Teams incoming webhook URL',
  provider: 'Microsoft Teams',
  description:
    'A Microsoft Teams incoming webhook URL (`<tenant>.webhook.office.com/webhookb2/<uuid>@<uuid>/IncomingWebhook/<32 hex>/<uuid>`).',
  priority: PRIORITY.token,
  keywords: [
    'webhook.office.com/',
    'outlook.office.com/webhook/',
    'outlook.office365.com/webhook/',
  ],
  find(text, at) {
    const m = matchAt(OFFICE, text, at)
    if (!m) return undefined
    const host = HOST.exec(text.slice(Math.max(0, at - 80), at))?.[0] ?? ''
    const start = at - host.length
    return judge(text.slice(start, at + m[0].length), m.groups!.body, start, { shown: 0 })
  },
  samples: {
    match: () => [
      `TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/${uuid('ms-1')}@${uuid('ms-2')}/IncomingWebhook/${fake(32, HEX, 'ms-3')}/${uuid('ms-4')}`,
      `url: "https://outlook.office.com/webhook/${uuid('ms-5')}@${uuid('ms-6')}/IncomingWebhook/${fake(32, HEX, 'ms-7')}/${uuid('ms-8')}"`,
      `https://acme.webhook.office.com/webhookb2/${uuid('ms-9')}@${uuid('ms-10')}/IncomingWebhook/${fake(32, HEX, 'ms-11')}/${uuid('ms-12')}/V2${fake(40, B64URL, 'ms-13')}`,
    ],
    noMatch: () => [
      'https://acme.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<id>/<owner>',
      `https://acme.webhook.office.com/webhookb2/${uuid('ms-14')}@${uuid('ms-15')}/IncomingWebhook/${'0'.repeat(32)}/${uuid('ms-16')}`,
      'See https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/',
    ],
  },
})

const WORKFLOW = new RegExp(
  `(?:logic\\.azure\\.com(?::443)?/workflows|environment\\.api\\.powerplatform\\.com(?::443)?/powerautomate/automations/direct/workflows)/[0-9a-f]{32}/triggers/[A-Za-z0-9_.-]{1,80}/paths/invoke/?\\?[^\\s"'\`<>]{0,300}?(?:&|&amp;|\\?)sig=(?<body>[A-Za-z0-9_-]{43})${E}`,
  'yi',
)

/** Teams Workflows (Power Automate) replaced connectors; the `sig` query parameter is the secret. */
export const teamsWorkflowUrl = defineDetector({
  id: 'secret/teams-workflow-url',
  title: 'Power Automate workflow URL (Teams webhook)',
  provider: 'Microsoft Teams',
  description:
    'A Power Automate / Teams Workflows trigger URL with its signature (`….logic.azure.com/workflows/<32 hex>/triggers/…/paths/invoke?…&sig=<43>`, or `….environment.api.powerplatform.com/powerautomate/…`).',
  priority: PRIORITY.token,
  keywords: ['logic.azure.com', 'environment.api.powerplatform.com'],
  find(text, at) {
    const m = matchAt(WORKFLOW, text, at)
    if (!m) return undefined
    const host = HOST.exec(text.slice(Math.max(0, at - 80), at))?.[0] ?? ''
    const start = at - host.length
    return judge(text.slice(start, at + m[0].length), m.groups!.body, start, { shown: 0 })
  },
  samples: {
    match: () => [
      `WEBHOOK=https://prod-27.westus.logic.azure.com:443/workflows/${fake(32, HEX, 'ms-17')}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${fake(43, B64URL, 'ms-18')}`,
      `"https://default${fake(30, HEX, 'ms-19')}.ab.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/${fake(32, HEX, 'ms-20')}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${fake(43, B64URL, 'ms-21')}"`,
    ],
    noMatch: () => [
      `https://prod-27.westus.logic.azure.com:443/workflows/${fake(32, HEX, 'ms-22')}/triggers/manual/paths/invoke?api-version=2016-06-01`,
      'https://prod-00.westus.logic.azure.com/workflows/<id>/triggers/manual/paths/invoke?sig=<signature>',
    ],
  },
})
