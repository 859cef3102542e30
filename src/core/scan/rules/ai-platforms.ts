import { contextual, HEX32, prefixed, type ProviderRule } from './define.js';

/** AI and ML platforms beyond OpenAI and Anthropic: inference APIs, vector stores, tracing. */
export const aiPlatformRules: readonly ProviderRule[] = [
  prefixed('huggingface-org-token', 'Hugging Face organization API token (legacy)', { prefix: 'api_org_', body: '[A-Za-z]{34}', end: 'A-Za-z0-9' }),
  prefixed('perplexity-api-key', 'Perplexity API key', { prefix: 'pplx-', body: '[A-Za-z0-9]{48}', end: 'A-Za-z0-9' }),
  prefixed('xai-api-key', 'xAI (Grok) API key', { prefix: 'xai-', body: '[A-Za-z0-9]{80}', end: 'A-Za-z0-9' }),
  prefixed('openrouter-api-key', 'OpenRouter API key', { prefix: 'sk-or-v1-', body: '[a-f0-9]{64}', end: 'A-Za-z0-9' }),
  prefixed('langsmith-api-key', 'LangSmith API key', { prefix: ['lsv2_pt_', 'lsv2_sk_'], body: '[a-f0-9]{32}_[a-f0-9]{10}', end: 'A-Za-z0-9' }),
  prefixed('pinecone-api-key', 'Pinecone API key', { prefix: 'pcsk_', body: '[A-Za-z0-9]{5,6}_[A-Za-z0-9]{60,70}', end: 'A-Za-z0-9' }),
  prefixed('together-api-key', 'Together AI API key', { prefix: 'tgp_v1_', body: '[A-Za-z0-9_-]{43}' }),
  prefixed('fireworks-api-key', 'Fireworks AI API key', { prefix: 'fw_', body: '[A-Za-z0-9]{24}', end: 'A-Za-z0-9', validate: (s) => /\d/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s.slice(3)) }),
  prefixed('cerebras-api-key', 'Cerebras API key', { prefix: 'csk-', body: '[a-z0-9]{48}', end: 'A-Za-z0-9' }),
  prefixed('tavily-api-key', 'Tavily API key', { prefix: 'tvly-', body: '(?:dev-|prod-)?[A-Za-z0-9]{32}', end: 'A-Za-z0-9' }),
  prefixed('voyage-api-key', 'Voyage AI API key', { prefix: 'pa-', body: '[A-Za-z0-9_-]{43}', validate: (s) => /\d/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s.slice(3)) }),
  prefixed('langfuse-secret-key', 'Langfuse secret key', { prefix: 'sk-lf-', body: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', end: 'A-Za-z0-9' }),
  prefixed('nvidia-api-key', 'NVIDIA NGC / API catalog key', { prefix: 'nvapi-', body: '[A-Za-z0-9_-]{64}' }),
  contextual('cohere-api-key', 'Cohere API key', { names: ['cohere', 'co_api_key'], value: '[A-Za-z0-9]{40}' }),
  contextual('mistral-api-key', 'Mistral AI API key', { names: ['mistral'], value: '[A-Za-z0-9]{32}' }),
  contextual('deepseek-api-key', 'DeepSeek API key', { names: ['deepseek'], value: 'sk-[a-f0-9]{32}' }),
  contextual('wandb-api-key', 'Weights & Biases API key', { names: ['wandb'], value: '[a-f0-9]{40}' }),
  contextual('elevenlabs-api-key', 'ElevenLabs API key', { names: ['elevenlabs', 'eleven_api_key', 'xi-api-key'], value: '(?:sk_)?[a-f0-9]{32,48}' }),
  contextual('assemblyai-api-key', 'AssemblyAI API key', { names: ['assemblyai', 'assembly_ai'], value: HEX32 }),
  contextual('deepgram-api-key', 'Deepgram API key', { names: ['deepgram'], value: '[a-f0-9]{40}' }),
  contextual('azure-openai-key', 'Azure OpenAI / Cognitive Services key', { names: ['azure_openai', 'azureopenai', 'azure-openai', 'cognitive_services', 'ocp-apim-subscription-key'], value: '[a-f0-9]{32}|[A-Za-z0-9]{84}' }),
  contextual('stability-api-key', 'Stability AI API key', { names: ['stability'], value: 'sk-[A-Za-z0-9]{48}' }),
  contextual('clarifai-pat', 'Clarifai personal access token', { names: ['clarifai'], value: HEX32 }),
  contextual('serpapi-key', 'SerpApi API key', { names: ['serpapi', 'serp_api'], value: '[a-f0-9]{64}' }),
];
