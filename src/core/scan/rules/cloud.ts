import { characterClasses, shannonEntropy } from '../entropy.js';
import type { SecretRule } from '../types.js';

/** Cloud platforms: AWS, Google, Azure, DigitalOcean, Databricks, Alibaba and friends. */
export const cloudRules: readonly SecretRule[] = [
  {
    id: 'aws-access-key-id',
    description: 'AWS access key id',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    regex: /\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/,
  },
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    keywords: ['aws'],
    // The 40-character secret has no prefix of its own: it needs the "aws ... secret/key" context.
    regex: /aws.{0,20}?(?:secret|sk|key).{0,20}?['"\s:=]+([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/i,
    validate: (secret) => characterClasses(secret) >= 3 && shannonEntropy(secret) >= 4,
  },
  {
    id: 'google-api-key',
    description: 'Google API key',
    keywords: ['aiza'],
    regex: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/,
  },
  {
    id: 'google-oauth-client-secret',
    description: 'Google OAuth client secret',
    keywords: ['gocspx-'],
    regex: /\b(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'google-oauth-access-token',
    description: 'Google OAuth access token',
    keywords: ['ya29.'],
    regex: /\b(ya29\.[0-9A-Za-z_-]{30,})/,
  },
  {
    id: 'azure-storage-account-key',
    description: 'Azure storage account key (connection string)',
    keywords: ['accountkey='],
    regex: /AccountKey=([A-Za-z0-9+/]{86}==)/i,
  },
  {
    id: 'azure-ad-client-secret',
    description: 'Microsoft Entra ID (Azure AD) client secret',
    keywords: ['q~'],
    regex: /(?:^|[^A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
  },
  {
    id: 'digitalocean-token',
    description: 'DigitalOcean personal access, OAuth or refresh token',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    regex: /\b(do[por]_v1_[a-f0-9]{64})(?![a-f0-9])/,
  },
  {
    id: 'databricks-token',
    description: 'Databricks personal access token',
    keywords: ['dapi'],
    regex: /\b(dapi[a-f0-9]{32}(?:-\d)?)(?![a-f0-9])/,
    validate: (secret) => /\d/.test(secret.slice(4)) && /[a-f]/.test(secret.slice(4)),
  },
  {
    id: 'alibaba-access-key-id',
    description: 'Alibaba Cloud AccessKey id',
    keywords: ['ltai'],
    regex: /\b(LTAI[A-Za-z0-9]{20})(?![A-Za-z0-9])/,
    validate: (secret) => /\d/.test(secret) && characterClasses(secret) >= 3,
  },
  {
    id: 'terraform-cloud-token',
    description: 'Terraform Cloud / Enterprise API token',
    keywords: ['.atlasv1.'],
    regex: /\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})/,
  },
  {
    id: 'pulumi-access-token',
    description: 'Pulumi access token',
    keywords: ['pul-'],
    regex: /\b(pul-[a-f0-9]{40})(?![a-f0-9])/,
  },
  {
    id: 'planetscale-token',
    description: 'PlanetScale password or service token',
    keywords: ['pscale_pw_', 'pscale_tkn_', 'pscale_oauth_'],
    regex: /\b(pscale_(?:pw|tkn|oauth)_[A-Za-z0-9_.-]{32,64})/,
  },
  {
    id: 'supabase-access-token',
    description: 'Supabase personal access token',
    keywords: ['sbp_'],
    regex: /\b(sbp_[a-f0-9]{40})(?![a-f0-9])/,
  },
  {
    id: 'flyio-token',
    description: 'Fly.io access token',
    keywords: ['fo1_'],
    regex: /\b(fo1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  },
];
