import type { Detector } from '../engine/types.js'
import { alibabaAccessKeyId, alibabaAccessKeySecret } from './alibaba.js'
import { awsBedrockApiKey, awsBedrockShortTermKey } from './aws.js'
import { azureEntraClientSecret } from './azure.js'
import { buildkiteToken } from './buildkite.js'
import { clojarsToken } from './clojars.js'
import {
  cloudflareApiToken,
  cloudflareGlobalApiKey,
  cloudflareOriginCaKey,
  cloudflareToken,
} from './cloudflare.js'
import { databricksToken } from './databricks.js'
import { denoDeployToken } from './deno.js'
import { dopplerToken } from './doppler.js'
import { firebaseServerKey } from './firebase.js'
import { flyioToken } from './flyio.js'
import { groqApiKey } from './groq.js'
import { herokuApiKey, herokuToken } from './heroku.js'
import { huggingfaceOrgToken } from './huggingface.js'
import { langsmithApiKey } from './langsmith.js'
import { neonApiKey } from './neon.js'
import { netlifyToken } from './netlify.js'
import { oktaApiToken } from './okta.js'
import { openrouterApiKey } from './openrouter.js'
import { perplexityApiKey } from './perplexity.js'
import { pineconeApiKey } from './pinecone.js'
import { planetscaleToken } from './planetscale.js'
import { pulumiToken } from './pulumi.js'
import { renderApiKey } from './render.js'
import { rubygemsApiKey } from './rubygems.js'
import { supabaseAccessToken, supabaseSecretKey } from './supabase.js'
import { terraformCloudToken } from './terraform.js'
import { vaultToken } from './vault.js'
import { vercelLegacyToken, vercelToken } from './vercel.js'
import { xaiApiKey } from './xai.js'

/** Cloud and infrastructure, CI/CD and registries, AI providers (issue 15, first group). */
export const INFRA_DETECTORS = [
  // cloud and infrastructure
  terraformCloudToken,
  cloudflareToken,
  cloudflareApiToken,
  cloudflareGlobalApiKey,
  cloudflareOriginCaKey,
  vercelToken,
  vercelLegacyToken,
  netlifyToken,
  herokuToken,
  herokuApiKey,
  databricksToken,
  vaultToken,
  dopplerToken,
  pulumiToken,
  planetscaleToken,
  supabaseAccessToken,
  supabaseSecretKey,
  awsBedrockApiKey,
  awsBedrockShortTermKey,
  azureEntraClientSecret,
  alibabaAccessKeyId,
  alibabaAccessKeySecret,
  flyioToken,
  oktaApiToken,
  firebaseServerKey,
  renderApiKey,
  neonApiKey,
  // CI/CD and registries
  buildkiteToken,
  rubygemsApiKey,
  clojarsToken,
  denoDeployToken,
  // AI
  groqApiKey,
  xaiApiKey,
  openrouterApiKey,
  perplexityApiKey,
  huggingfaceOrgToken,
  pineconeApiKey,
  langsmithApiKey,
] as const satisfies readonly Detector[]
