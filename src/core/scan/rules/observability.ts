import { shannonEntropy } from '../entropy.js';
import { contextual, HEX32, prefixed, UUID, UUID_ANY_CASE, type ProviderRule } from './define.js';

/** Monitoring, logging, error tracking and feature flags. */
export const observabilityRules: readonly ProviderRule[] = [
  contextual('datadog-api-key', 'Datadog API key', { names: ['datadog', 'dd_api_key', 'dd-api-key', 'ddapikey'], value: HEX32 }),
  contextual('datadog-app-key', 'Datadog application key', { names: ['datadog', 'dd_app_key', 'dd-application-key', 'dd_application_key', 'ddappkey'], value: '[a-f0-9]{40}' }),
  // New Relic documents a four-letter family prefix per key kind.
  prefixed('newrelic-admin-key', 'New Relic admin API key (legacy)', { prefix: 'NRAA-', body: '[a-f0-9]{27}', end: 'A-Za-z0-9' }),
  prefixed('newrelic-insights-key', 'New Relic Insights insert or query key', { prefix: ['NRII-', 'NRIQ-'], body: '[A-Za-z0-9_-]{32}' }),
  prefixed('newrelic-browser-key', 'New Relic browser API key', { prefix: 'NRJS-', body: '[a-f0-9]{19}', end: 'A-Za-z0-9' }),
  prefixed('newrelic-rest-key', 'New Relic REST API key', { prefix: 'NRRA-', body: '[a-f0-9]{42}', end: 'A-Za-z0-9' }),
  {
    id: 'newrelic-license-key',
    description: 'New Relic ingest license key',
    keywords: ['nral'],
    regex: /(?<![A-Za-z0-9])([a-f0-9]{36}NRAL)(?![A-Za-z0-9])/,
  },
  {
    id: 'sentry-dsn-secret',
    description: 'Sentry DSN with its secret key (legacy form)',
    keywords: ['sentry'],
    regex: /https?:\/\/([a-f0-9]{32}:[a-f0-9]{32})@[A-Za-z0-9.-]+\/\d+/,
  },
  contextual('sentry-legacy-auth-token', 'Sentry auth token (unprefixed)', { names: ['sentry'], value: '[a-f0-9]{64}' }),
  // Grafana's older API keys are base64 of a JSON object that starts {"k":".
  prefixed('grafana-api-key', 'Grafana API key (legacy)', { prefix: 'eyJrIjoi', body: '[A-Za-z0-9+/]{60,100}={0,2}', end: 'A-Za-z0-9+/=' }),
  prefixed('honeycomb-ingest-key', 'Honeycomb ingest key', { prefix: ['hcaik_', 'hcxik_'], body: '[a-z0-9]{58}', end: 'A-Za-z0-9' }),
  contextual('honeycomb-config-key', 'Honeycomb configuration key', { names: ['honeycomb', 'x-honeycomb-team'], value: '[A-Za-z0-9]{22}' }),
  contextual('splunk-hec-token', 'Splunk HTTP Event Collector token', { names: ['splunk'], value: UUID_ANY_CASE }),
  contextual('pagerduty-api-key', 'PagerDuty API or integration key', { names: ['pagerduty'], value: 'u\\+[A-Za-z0-9_-]{18}|[A-Za-z0-9_+-]{20}|[a-f0-9]{32}' }),
  contextual('opsgenie-api-key', 'Opsgenie API key', { names: ['opsgenie', 'genieKey'], value: UUID }),
  contextual('bugsnag-api-key', 'Bugsnag API key', { names: ['bugsnag'], value: HEX32 }),
  contextual('rollbar-access-token', 'Rollbar access token', { names: ['rollbar'], value: HEX32 }),
  contextual('raygun-api-key', 'Raygun API key', { names: ['raygun'], value: '[A-Za-z0-9]{22}' }),
  prefixed('launchdarkly-key', 'LaunchDarkly SDK, mobile or API key', { prefix: ['sdk-', 'mob-', 'api-'], body: UUID, end: 'A-Za-z0-9', uuidSecret: true }),
  contextual('logzio-token', 'Logz.io shipping or API token', { names: ['logzio', 'logz_'], value: '[A-Za-z]{32}|' + UUID, validate: (s) => shannonEntropy(s) >= 3.5 }),
  contextual('loggly-token', 'Loggly customer token', { names: ['loggly'], value: UUID }),
  contextual('sumologic-access-key', 'Sumo Logic access key', { names: ['sumologic', 'sumo_access'], value: '[A-Za-z0-9]{64}' }),
  contextual('lightstep-access-token', 'Lightstep / ServiceNow Cloud Observability token', { names: ['lightstep'], value: '[A-Za-z0-9+/]{84,180}={0,2}' }),
  contextual('elastic-cloud-api-key', 'Elastic Cloud API key', { names: ['elastic', 'es_api_key'], value: '[A-Za-z0-9_-]{20,22}:[A-Za-z0-9_-]{22}|essu_[A-Za-z0-9+/=]{40,}|[A-Za-z0-9+/]{58,64}==?' }),
  contextual('mixpanel-api-secret', 'Mixpanel API secret', { names: ['mixpanel'], value: HEX32 }),
  contextual('amplitude-secret-key', 'Amplitude secret key', { names: ['amplitude'], value: HEX32 }),
  contextual('segment-write-key', 'Segment write key', { names: ['segment_write', 'segment-write', 'analytics_write_key'], value: '[A-Za-z0-9]{32}' }),
  prefixed('segment-public-api-token', 'Segment public API token', { prefix: 'sgp_', body: '[A-Za-z0-9]{64}', end: 'A-Za-z0-9' }),
  prefixed('posthog-personal-key', 'PostHog personal API key', { prefix: 'phx_', body: '[A-Za-z0-9]{43}', end: 'A-Za-z0-9' }),
  contextual('statuspage-api-key', 'Atlassian Statuspage API key', { names: ['statuspage'], value: UUID }),
];
