import type { Detector } from '../engine/types.js'
import { langfuseSecretKey } from './langfuse.js'
import { ngrokAuthtoken } from './ngrok.js'
import { nvidiaApiKey } from './nvidia.js'
import { prefectApiKey } from './prefect.js'
import { sourcegraphToken } from './sourcegraph.js'
import { tailscaleKey } from './tailscale.js'
import { wandbApiKey } from './wandb.js'
import { assemblyaiApiKey } from './assemblyai.js'
import { azureDevopsLegacyPat, azureDevopsPat } from './azure-devops.js'
import { bitbucketAppPassword } from './bitbucket.js'
import { circleciLegacyToken, circleciToken } from './circleci.js'
import { codecovToken } from './codecov.js'
import { cohereApiKey } from './cohere.js'
import { confluentApiSecret } from './confluent.js'
import { cratesToken } from './crates.js'
import { deepgramApiKey } from './deepgram.js'
import { deepseekApiKey } from './deepseek.js'
import { elevenlabsApiKey } from './elevenlabs.js'
import { fastlyApiToken } from './fastly.js'
import { fireworksApiKey } from './fireworks.js'
import { harnessToken } from './harness.js'
import { hetznerApiToken } from './hetzner.js'
import { jfrogApiKey, jfrogReferenceToken } from './jfrog.js'
import { linodeToken } from './linode.js'
import { mistralApiKey } from './mistral.js'
import { nugetApiKey } from './nuget.js'
import { octopusApiKey } from './octopus.js'
import { railwayToken } from './railway.js'
import { replicateApiToken } from './replicate.js'
import { scalewaySecretKey } from './scaleway.js'
import { snykToken } from './snyk.js'
import { sonarLegacyToken, sonarToken } from './sonar.js'
import { togetherApiKey, togetherLegacyApiKey } from './together.js'
import { travisToken } from './travis.js'
import { upstashToken } from './upstash.js'
import { vultrApiKey } from './vultr.js'
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
  fastlyApiToken,
  linodeToken,
  scalewaySecretKey,
  railwayToken,
  upstashToken,
  confluentApiSecret,
  hetznerApiToken,
  vultrApiKey,
  tailscaleKey,
  ngrokAuthtoken,
  prefectApiKey,
  // CI/CD and registries
  circleciToken,
  circleciLegacyToken,
  azureDevopsPat,
  azureDevopsLegacyPat,
  buildkiteToken,
  bitbucketAppPassword,
  codecovToken,
  sonarToken,
  sonarLegacyToken,
  snykToken,
  rubygemsApiKey,
  nugetApiKey,
  jfrogApiKey,
  jfrogReferenceToken,
  travisToken,
  harnessToken,
  clojarsToken,
  cratesToken,
  denoDeployToken,
  octopusApiKey,
  sourcegraphToken,
  // AI
  groqApiKey,
  xaiApiKey,
  openrouterApiKey,
  perplexityApiKey,
  huggingfaceOrgToken,
  pineconeApiKey,
  langsmithApiKey,
  cohereApiKey,
  mistralApiKey,
  deepseekApiKey,
  replicateApiToken,
  fireworksApiKey,
  deepgramApiKey,
  assemblyaiApiKey,
  elevenlabsApiKey,
  togetherApiKey,
  togetherLegacyApiKey,
  nvidiaApiKey,
  langfuseSecretKey,
  wandbApiKey,
] as const satisfies readonly Detector[]
