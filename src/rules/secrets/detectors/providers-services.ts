import type { Detector } from '../engine/types.js'
import { datadogAccessToken, datadogApiKey, datadogAppKey } from './datadog.js'
import { newrelicApiKey, newrelicBrowserKey, newrelicLicenseKey } from './newrelic.js'
import { grafanaCloudToken, grafanaServiceAccountToken } from './grafana.js'
import { sentryDsnSecret, sentryOrgToken, sentryUserToken } from './sentry.js'
import { dynatraceToken } from './dynatrace.js'
import { honeycombApiKey, honeycombIngestKey } from './honeycomb.js'
import { rollbarAccessToken } from './rollbar.js'
import { bugsnagAuthToken } from './bugsnag.js'
import { pagerdutyApiKey } from './pagerduty.js'
import { opsgenieApiKey } from './opsgenie.js'
import { logzioToken } from './logzio.js'
import { onepasswordServiceAccountToken } from './onepassword.js'
import { atlassianApiToken } from './atlassian.js'
import { mailgunApiKey, mailgunKey } from './mailgun.js'
import { mailchimpApiKey } from './mailchimp.js'
import { brevoApiKey } from './brevo.js'
import { postmarkToken } from './postmark.js'
import { sparkpostApiKey } from './sparkpost.js'
import { mailjetSecretKey } from './mailjet.js'
import { vonageApiSecret } from './vonage.js'
import { messagebirdAccessKey } from './messagebird.js'
import { pusherSecret } from './pusher.js'
import { ablyApiKey } from './ably.js'
import { mattermostToken, mattermostWebhook } from './mattermost.js'
import { intercomAccessToken } from './intercom.js'
import { teamsWebhook, teamsWorkflowUrl } from './teams.js'
import { squareToken } from './square.js'
import { braintreeAccessToken } from './braintree.js'
import { plaidAccessToken, plaidSecret } from './plaid.js'
import { shippoToken } from './shippo.js'
import { paystackSecretKey } from './paystack.js'
import { flutterwaveSecretKey } from './flutterwave.js'
import { razorpayKeySecret } from './razorpay.js'
import { coinbaseApiSecret } from './coinbase.js'
import { airtableToken } from './airtable.js'
import { algoliaAdminKey } from './algolia.js'
import { dropboxToken } from './dropbox.js'
import { figmaToken } from './figma.js'
import { hubspotToken } from './hubspot.js'
import { launchdarklyKey } from './launchdarkly.js'
import { linearApiKey } from './linear.js'
import { notionLegacyToken, notionToken } from './notion.js'
import { mapboxSecretToken } from './mapbox.js'
import { contentfulToken } from './contentful.js'
import { zendeskApiToken } from './zendesk.js'
import { twitterApiSecret, twitterBearerToken } from './twitter.js'
import { facebookAccessToken, facebookAppSecret } from './facebook.js'
import { twitchSecret } from './twitch.js'
import { adobeClientSecret } from './adobe.js'
import { asanaToken } from './asana.js'
import { typeformToken } from './typeform.js'
import { frameioToken } from './frameio.js'
import { clerkSecretKey } from './clerk.js'

/** Observability and messaging, payments and SaaS (issue 15, second group). */
export const SERVICE_DETECTORS = [
  datadogApiKey,
  datadogAppKey,
  datadogAccessToken,
  newrelicApiKey,
  newrelicBrowserKey,
  newrelicLicenseKey,
  grafanaCloudToken,
  grafanaServiceAccountToken,
  sentryOrgToken,
  sentryUserToken,
  sentryDsnSecret,
  dynatraceToken,
  honeycombIngestKey,
  honeycombApiKey,
  rollbarAccessToken,
  bugsnagAuthToken,
  pagerdutyApiKey,
  opsgenieApiKey,
  logzioToken,
  onepasswordServiceAccountToken,
  atlassianApiToken,
  mailgunApiKey,
  mailgunKey,
  mailchimpApiKey,
  brevoApiKey,
  postmarkToken,
  sparkpostApiKey,
  mailjetSecretKey,
  vonageApiSecret,
  messagebirdAccessKey,
  pusherSecret,
  ablyApiKey,
  mattermostToken,
  mattermostWebhook,
  intercomAccessToken,
  teamsWebhook,
  teamsWorkflowUrl,
  squareToken,
  braintreeAccessToken,
  plaidAccessToken,
  plaidSecret,
  shippoToken,
  paystackSecretKey,
  flutterwaveSecretKey,
  razorpayKeySecret,
  coinbaseApiSecret,
  airtableToken,
  algoliaAdminKey,
  dropboxToken,
  figmaToken,
  hubspotToken,
  launchdarklyKey,
  linearApiKey,
  notionToken,
  notionLegacyToken,
  mapboxSecretToken,
  contentfulToken,
  zendeskApiToken,
  twitterBearerToken,
  twitterApiSecret,
  facebookAccessToken,
  facebookAppSecret,
  twitchSecret,
  adobeClientSecret,
  asanaToken,
  typeformToken,
  frameioToken,
  clerkSecretKey,
] as const satisfies readonly Detector[]
