import { hasBase62Crc32 } from '../checksum.js';
import type { SecretRule } from '../types.js';

/**
 * GitHub tokens. The prefixed formats (ghp_, gho_, ghu_, ghs_, ghr_) end in a base62 CRC32 of
 * the 30 random characters before it, so a look-alike that fails the checksum is dropped
 * (https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/).
 */
const checksummed = (secret: string): boolean => hasBase62Crc32(secret.slice(4));

function prefixed(id: string, prefix: string, description: string): SecretRule {
  return {
    id,
    description,
    keywords: [prefix],
    regex: new RegExp(`\\b(${prefix}[A-Za-z0-9]{36})(?![A-Za-z0-9])`),
    validate: checksummed,
  };
}

export const githubRules: readonly SecretRule[] = [
  prefixed('github-pat', 'ghp_', 'GitHub personal access token (classic)'),
  prefixed('github-oauth-token', 'gho_', 'GitHub OAuth access token'),
  prefixed('github-user-to-server-token', 'ghu_', 'GitHub App user-to-server token'),
  prefixed('github-server-to-server-token', 'ghs_', 'GitHub App installation (server-to-server) token'),
  prefixed('github-refresh-token', 'ghr_', 'GitHub App refresh token'),
  {
    id: 'github-fine-grained-pat',
    description: 'GitHub fine-grained personal access token',
    keywords: ['github_pat_'],
    // 22-character id, `_`, 59 characters. GitHub documents no public checksum layout for this
    // format, so the shape alone decides: a wrong guess here would silently miss live tokens.
    regex: /\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9])/,
  },
];
