import { hasBase62Crc32 } from '../checksum.js';
import type { SecretRule } from '../types.js';

/** GitLab, and the package registries whose tokens let anyone publish in your name. */
export const sourceHostingRules: readonly SecretRule[] = [
  {
    id: 'gitlab-pat',
    description: 'GitLab personal, project or group access token',
    keywords: ['glpat-'],
    regex: /\b(glpat-[A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'gitlab-runner-token',
    description: 'GitLab runner authentication token',
    keywords: ['glrt-'],
    regex: /\b(glrt-[A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    description: 'GitLab pipeline trigger token',
    keywords: ['glptt-'],
    regex: /\b(glptt-[0-9a-f]{40})(?![0-9a-f])/,
  },
  {
    id: 'npm-token',
    description: 'npm access token',
    keywords: ['npm_'],
    regex: /\b(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    // Same layout as GitHub's: base62 CRC32 of the random part in the last six characters
    // (https://github.blog/2021-09-23-announcing-npms-new-access-token-format/).
    validate: (secret) => hasBase62Crc32(secret.slice(4)),
  },
  {
    id: 'pypi-token',
    description: 'PyPI upload token',
    // Every PyPI macaroon starts with the base64 of its location, "pypi.org".
    keywords: ['pypi-ageichlwas5vcmc'],
    regex: /\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})/,
  },
  {
    id: 'dockerhub-pat',
    description: 'Docker Hub personal access token',
    keywords: ['dckr_pat_'],
    regex: /\b(dckr_pat_[A-Za-z0-9_-]{27})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'rubygems-api-key',
    description: 'RubyGems API key',
    keywords: ['rubygems_'],
    regex: /\b(rubygems_[0-9a-f]{48})(?![0-9a-f])/,
  },
  {
    id: 'clojars-token',
    description: 'Clojars deploy token',
    keywords: ['clojars_'],
    regex: /\b(CLOJARS_[a-z0-9]{60})(?![a-z0-9])/,
  },
];
