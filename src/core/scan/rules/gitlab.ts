import { prefixed } from './define.js';
import type { ProviderRule } from './define.js';

/**
 * GitLab's less common token kinds. Each prefix is the one GitLab's token overview documents
 * (docs.gitlab.com/ee/security/tokens): deploy `gldt-`, CI job `glcbt-`, feed `glft-`, incoming
 * mail `glimt-`, agent for Kubernetes `glagent-`, SCIM `glsoat-`, OAuth application secret
 * `gloas-`, feature flags client `glffct-`, and runner registration `GR1348941`.
 */
export const gitlabRules: readonly ProviderRule[] = [
  prefixed('gitlab-deploy-token', 'GitLab deploy token', { prefix: 'gldt-', body: '[A-Za-z0-9_-]{20,64}' }),
  // Job tokens carry a partition id before the random part: glcbt-<hex>_<20 characters>.
  prefixed('gitlab-ci-job-token', 'GitLab CI/CD job token', { prefix: 'glcbt-', body: '(?:[0-9a-f]{1,5}_)?[A-Za-z0-9_-]{20,64}' }),
  prefixed('gitlab-feed-token', 'GitLab feed token', { prefix: 'glft-', body: '[A-Za-z0-9_-]{20,64}' }),
  prefixed('gitlab-incoming-mail-token', 'GitLab incoming mail token', { prefix: 'glimt-', body: '[A-Za-z0-9_-]{25,64}' }),
  prefixed('gitlab-agent-token', 'GitLab agent for Kubernetes token', { prefix: 'glagent-', body: '[A-Za-z0-9_-]{50,128}' }),
  prefixed('gitlab-scim-token', 'GitLab SCIM OAuth token', { prefix: 'glsoat-', body: '[A-Za-z0-9_-]{20,64}' }),
  prefixed('gitlab-oauth-app-secret', 'GitLab OAuth application secret', { prefix: 'gloas-', body: '[a-f0-9]{64}' }),
  prefixed('gitlab-feature-flag-client-token', 'GitLab feature flags client token', { prefix: 'glffct-', body: '[A-Za-z0-9_-]{20,64}' }),
  prefixed('gitlab-runner-registration-token', 'GitLab runner registration token (deprecated)', { prefix: 'GR1348941', body: '[A-Za-z0-9_-]{20,40}' }),
  prefixed('gitlab-session-cookie', 'GitLab session cookie', { prefix: '_gitlab_session=', body: '[0-9a-z]{32}', end: '0-9a-z' }),
];
