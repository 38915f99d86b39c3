import { kubeconfigClientKey } from './kubeconfig.js'
import { ageSecretKey } from './age.js'
import { anthropicAdminKey, anthropicApiKey } from './anthropic.js'
import { awsAccessKeyId, awsSecretAccessKey } from './aws.js'
import { azureSharedAccessKey, azureStorageKey } from './azure.js'
import { digitaloceanToken } from './digitalocean.js'
import { discordBotToken, discordWebhook } from './discord.js'
import { dockerhubToken } from './dockerhub.js'
import { githubFineGrainedToken, githubToken } from './github.js'
import { genericCredential } from './generic-credential.js'
import { gitlabRunnerToken, gitlabToken } from './gitlab.js'
import { googleApiKey, googleOauthClientSecret, googleServiceAccount } from './google.js'
import { huggingfaceToken } from './huggingface.js'
import { jwt } from './jwt.js'
import { npmToken } from './npm.js'
import { openaiApiKey } from './openai.js'
import { postmanApiKey } from './postman.js'
import { privateKey } from './private-key.js'
import { INFRA_DETECTORS } from './providers-infra.js'
import { SERVICE_DETECTORS } from './providers-services.js'
import { pypiToken } from './pypi.js'
import { sendgridApiKey } from './sendgrid.js'
import { shopifyToken } from './shopify.js'
import { slackAppToken, slackToken, slackWebhook } from './slack.js'
import { stripeSecretKey, stripeWebhookSecret } from './stripe.js'
import { supabaseServiceRoleKey } from './supabase.js'
import { telegramBotToken } from './telegram.js'
import { twilioApiKey, twilioAuthToken } from './twilio.js'
import type { Detector } from '../engine/types.js'
import { databaseUrl, urlCredentials } from './url-credentials.js'

/** Every secret detector, one rule id each, in the order docs/rules.md lists them. */
export const DETECTORS = [
  githubToken,
  githubFineGrainedToken,
  npmToken,
  awsAccessKeyId,
  awsSecretAccessKey,
  googleApiKey,
  googleOauthClientSecret,
  googleServiceAccount,
  slackToken,
  slackAppToken,
  slackWebhook,
  stripeSecretKey,
  stripeWebhookSecret,
  anthropicApiKey,
  anthropicAdminKey,
  openaiApiKey,
  huggingfaceToken,
  gitlabToken,
  gitlabRunnerToken,
  pypiToken,
  dockerhubToken,
  twilioAuthToken,
  twilioApiKey,
  sendgridApiKey,
  discordBotToken,
  discordWebhook,
  telegramBotToken,
  azureStorageKey,
  azureSharedAccessKey,
  shopifyToken,
  digitaloceanToken,
  postmanApiKey,
  ageSecretKey,
  supabaseServiceRoleKey,
  ...INFRA_DETECTORS,
  ...SERVICE_DETECTORS,
  jwt,
  privateKey,
  kubeconfigClientKey,
  databaseUrl,
  urlCredentials,
  genericCredential,
] as const satisfies readonly Detector[]

/** The rule id of every built-in detector. */
export type DetectorId = (typeof DETECTORS)[number]['id']
