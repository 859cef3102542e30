import type { SecretRule } from '../types.js';

/** AI platforms: OpenAI, Anthropic, Hugging Face, Groq, Replicate. */
export const aiRules: readonly SecretRule[] = [
  {
    id: 'openai-api-key',
    description: 'OpenAI API key',
    // OpenAI keys embed "T3BlbkFJ", the base64 of "OpenAI", which makes them recognisable.
    keywords: ['t3blbkfj'],
    regex: /\b(sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'anthropic-api-key',
    description: 'Anthropic API key',
    keywords: ['sk-ant-'],
    regex: /\b(sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,100}AA)(?![A-Za-z0-9_-])/,
  },
  {
    id: 'huggingface-token',
    description: 'Hugging Face access token',
    keywords: ['hf_'],
    regex: /\b(hf_[A-Za-z]{34})(?![A-Za-z0-9])/,
    // Real tokens mix cases; an all-lower or all-upper run is an identifier such as hf_something_long.
    validate: (secret) => /[a-z]/.test(secret.slice(3)) && /[A-Z]/.test(secret.slice(3)),
  },
  {
    id: 'groq-api-key',
    description: 'Groq API key',
    keywords: ['gsk_'],
    regex: /\b(gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9])/,
  },
  {
    id: 'replicate-api-token',
    description: 'Replicate API token',
    keywords: ['r8_'],
    regex: /\b(r8_[A-Za-z0-9]{37})(?![A-Za-z0-9])/,
  },
];
