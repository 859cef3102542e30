import { contextual, HEX32, prefixed, UUID, type ProviderRule } from './define.js';

/**
 * Source hosting beyond GitHub and GitLab, package registries and CI/CD services. Atlassian
 * documents only the four-letter family prefixes (ATAT API tokens, ATCT access tokens, ATBB
 * Bitbucket app passwords) and warns that lengths vary, so the bodies here take a range.
 */
export const ciPackageRules: readonly ProviderRule[] = [
  prefixed('atlassian-api-token', 'Atlassian API token (Jira, Confluence, Bitbucket)', { prefix: 'ATATT', body: '[A-Za-z0-9_=-]{150,250}', end: 'A-Za-z0-9_=-' }),
  prefixed('bitbucket-access-token', 'Bitbucket repository, project or workspace access token', { prefix: 'ATCTT', body: '[A-Za-z0-9_=-]{150,250}', end: 'A-Za-z0-9_=-' }),
  prefixed('bitbucket-app-password', 'Bitbucket app password', { prefix: 'ATBB', body: '[A-Za-z0-9]{28,40}', end: 'A-Za-z0-9' }),
  prefixed('trello-token', 'Trello API token', { prefix: 'ATTA', body: '[a-f0-9]{64}[A-F0-9]{8}', end: 'A-Za-z0-9' }),
  contextual('atlassian-legacy-api-token', 'Jira / Confluence API token (older 24-character form)', {
    names: ['jira', 'confluence', 'atlassian'],
    value: '[A-Za-z0-9]{24}',
  }),
  contextual('bitbucket-client-secret', 'Bitbucket OAuth consumer secret', { names: ['bitbucket'], value: '[A-Za-z0-9]{32}' }),
  {
    id: 'azure-devops-pat',
    description: 'Azure DevOps personal access token',
    // The 84-character form carries the service signature "AZDO" at characters 77-80.
    keywords: ['azdo'],
    regex: /(?<![A-Za-z0-9])([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})(?![A-Za-z0-9])/,
  },
  contextual('azure-devops-legacy-pat', 'Azure DevOps personal access token (52-character form)', {
    names: ['azure_devops', 'azuredevops', 'ado_pat', 'devops_pat', 'system_accesstoken', 'azure-devops'],
    value: '[a-z2-7]{52}',
  }),
  prefixed('sourcegraph-access-token', 'Sourcegraph access token', { prefix: 'sgp_', body: '(?:[a-fA-F0-9]{16}_|local_)?[a-f0-9]{40}', end: 'A-Za-z0-9' }),
  prefixed('sourcegraph-cody-gateway-key', 'Sourcegraph Cody Gateway key', { prefix: 'sgd_', body: '[a-fA-F0-9]{64}', end: 'A-Za-z0-9' }),
  prefixed('jfrog-api-key', 'JFrog Artifactory API key', { prefix: 'AKCp', body: '[A-Za-z0-9]{69}', end: 'A-Za-z0-9' }),
  // Reference tokens are base64 of "reftkn:01:...", so they all start the same way.
  prefixed('jfrog-reference-token', 'JFrog Artifactory reference (identity) token', { prefix: 'cmVmdGtuOjAxOj', body: '[A-Za-z0-9]{50}', end: 'A-Za-z0-9' }),
  prefixed('nuget-api-key', 'NuGet.org API key', { prefix: 'oy2', body: '[a-z0-9]{43}', end: 'a-z0-9' }),
  prefixed('crates-io-token', 'crates.io API token', { prefix: 'cio', body: '[A-Za-z0-9]{32}', end: 'A-Za-z0-9', validate: (s) => /\d/.test(s.slice(3)) && /[A-Z]/.test(s.slice(3)) }),
  prefixed('deno-deploy-token', 'Deno Deploy access token', { prefix: ['ddp_', 'ddw_'], body: '[A-Za-z0-9]{36}', end: 'A-Za-z0-9' }),
  prefixed('circleci-token', 'CircleCI personal or project API token', { prefix: ['CCIPAT_', 'CCIPRJ_'], body: '[A-Za-z0-9]{22}_[a-f0-9]{40}', end: 'A-Za-z0-9' }),
  prefixed('buildkite-token', 'Buildkite API access token', { prefix: 'bkua_', body: '[a-f0-9]{40}', end: 'A-Za-z0-9' }),
  contextual('buildkite-agent-token', 'Buildkite agent token', { names: ['buildkite_agent_token', 'buildkite-agent-token'], value: '[a-f0-9]{50}' }),
  contextual('jenkins-api-token', 'Jenkins API token', { names: ['jenkins'], value: '11[a-f0-9]{32}' }),
  // TeamCity access tokens are JWTs whose header is always {"typ": "TCV2"}.
  prefixed('teamcity-token', 'TeamCity access token', { prefix: 'eyJ0eXAiOiAiVENWMiJ9', body: '\\.[A-Za-z0-9_-]{36}\\.[A-Za-z0-9_-]{48}', end: 'A-Za-z0-9_-' }),
  prefixed('octopus-deploy-api-key', 'Octopus Deploy API key', { prefix: 'API-', body: '[A-Z0-9]{26,32}', end: 'A-Za-z0-9', validate: (s) => /\d/.test(s.slice(4)) && /[A-Z]/.test(s.slice(4)) }),
  prefixed('sonarqube-token', 'SonarQube / SonarCloud token', { prefix: ['squ_', 'sqp_', 'sqa_'], body: '[a-f0-9]{40}', end: 'A-Za-z0-9' }),
  prefixed('harness-token', 'Harness personal or service account token', { prefix: ['pat.', 'sat.'], body: '[A-Za-z0-9_-]{22}\\.[a-f0-9]{24}\\.[A-Za-z0-9]{20}', end: 'A-Za-z0-9' }),
  contextual('snyk-api-token', 'Snyk API token', { names: ['snyk'], value: UUID }),
  contextual('codecov-token', 'Codecov upload token', { names: ['codecov'], value: UUID }),
  contextual('travis-ci-token', 'Travis CI API token', { names: ['travis'], value: '[A-Za-z0-9_-]{22}' }),
  contextual('coveralls-repo-token', 'Coveralls repository token', { names: ['coveralls'], value: '[A-Za-z0-9]{32,37}' }),
  contextual('gitea-token', 'Gitea / Forgejo access token', { names: ['gitea', 'forgejo'], value: '[a-f0-9]{40}' }),
  contextual('quay-robot-token', 'Quay.io robot account token', { names: ['quay'], value: '[A-Z0-9]{64}' }),
  prefixed('readme-api-key', 'ReadMe API key', { prefix: 'rdme_', body: '[a-z0-9]{70}', end: 'A-Za-z0-9' }),
  prefixed('prefect-api-key', 'Prefect API key', { prefix: 'pnu_', body: '[A-Za-z0-9]{36}', end: 'A-Za-z0-9' }),
  contextual('jetbrains-youtrack-token', 'YouTrack permanent token', { names: ['youtrack'], value: 'perm[:-][A-Za-z0-9=_.-]{20,120}' }),
  contextual('sauce-labs-access-key', 'Sauce Labs access key', { names: ['sauce'], value: UUID }),
  contextual('browserstack-access-key', 'BrowserStack access key', { names: ['browserstack'], value: '[A-Za-z0-9]{20}' }),
  contextual('cypress-record-key', 'Cypress Cloud record key', { names: ['cypress_record_key', 'cypress-record-key'], value: UUID }),
  contextual('chromatic-project-token', 'Chromatic project token', { names: ['chromatic'], value: 'chpt_[a-f0-9]{14,}' }),
  contextual('percy-token', 'Percy project token', { names: ['percy'], value: '[a-f0-9]{64}' }),
  contextual('depot-token', 'Depot build token', { names: ['depot'], value: 'depot_(?:project|org|user)_[a-f0-9]{64}' }),
  contextual('appveyor-token', 'AppVeyor API token', { names: ['appveyor'], value: 'v2\\.[a-z0-9]{20}' }),
  contextual('bitrise-token', 'Bitrise personal access token', { names: ['bitrise'], value: '[A-Za-z0-9_-]{86}' }),
  contextual('sonatype-nexus-password', 'Sonatype Nexus / OSSRH token', { names: ['ossrh', 'nexus_password', 'sonatype'], value: '[A-Za-z0-9+/]{44}' }),
  contextual('cloudsmith-api-key', 'Cloudsmith API key', { names: ['cloudsmith'], value: '[a-f0-9]{40}' }),
  contextual('packagecloud-token', 'packagecloud API token', { names: ['packagecloud'], value: '[a-f0-9]{48}' }),
  contextual('hex-pm-key', 'Hex.pm API key', { names: ['hex_api_key', 'hexpm'], value: HEX32 }),
];
