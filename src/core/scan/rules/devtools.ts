import type { SecretRule } from '../types.js';

/** Developer services: Vault, Doppler, Postman, Linear, Notion, Sentry, Grafana, New Relic, and others. */
export const devtoolRules: readonly SecretRule[] = [
  {
    id: 'vault-token',
    description: 'HashiCorp Vault service, batch or recovery token',
    keywords: ['hvs.', 'hvb.', 'hvr.'],
    regex: /\b(hv[sbr]\.[A-Za-z0-9_-]{90,300})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'doppler-token',
    description: 'Doppler token',
    keywords: ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
    regex: /\b(dp\.(?:pt|st(?:\.[a-z0-9_-]{2,35})?|ct|sa|scim|audit)\.[A-Za-z0-9]{40,44})(?![A-Za-z0-9])/,
  },
  {
    id: 'postman-api-key',
    description: 'Postman API key',
    keywords: ['pmak-'],
    regex: /\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![a-f0-9])/,
  },
  {
    id: 'linear-api-key',
    description: 'Linear API key',
    keywords: ['lin_api_'],
    regex: /\b(lin_api_[A-Za-z0-9]{40})(?![A-Za-z0-9])/,
  },
  {
    id: 'notion-token',
    description: 'Notion integration token',
    keywords: ['ntn_', 'secret_'],
    regex: /\b(ntn_\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9])/,
    validate: (secret) => /\d/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret.slice(4)),
  },
  {
    id: 'sentry-token',
    description: 'Sentry organization or user auth token',
    keywords: ['sntrys_', 'sntryu_'],
    regex: /\b(sntrys_eyJ[A-Za-z0-9+/=_-]{60,400}|sntryu_[a-f0-9]{64})(?![A-Za-z0-9+/=_-])/,
  },
  {
    id: 'grafana-cloud-token',
    description: 'Grafana Cloud access policy token',
    keywords: ['glc_'],
    regex: /\b(glc_[A-Za-z0-9+/]{32,400}={0,2})/,
  },
  {
    id: 'grafana-service-account-token',
    description: 'Grafana service account token',
    keywords: ['glsa_'],
    regex: /\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![A-Fa-f0-9])/,
  },
  {
    id: 'newrelic-user-api-key',
    description: 'New Relic user API key',
    keywords: ['nrak-'],
    regex: /\b(NRAK-[A-Z0-9]{27})(?![A-Z0-9])/,
  },
  {
    id: 'dynatrace-api-token',
    description: 'Dynatrace API token',
    keywords: ['dt0c01.'],
    regex: /\b(dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})(?![A-Z0-9])/,
  },
  {
    id: 'mapbox-secret-token',
    description: 'Mapbox secret access token',
    keywords: ['sk.eyj'],
    regex: /\b(sk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,})/,
  },
  {
    id: 'figma-pat',
    description: 'Figma personal access token',
    keywords: ['figd_'],
    regex: /\b(figd_[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'contentful-pat',
    description: 'Contentful personal access token',
    keywords: ['cfpat-'],
    regex: /\b(CFPAT-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'airtable-pat',
    description: 'Airtable personal access token',
    keywords: ['pat'],
    regex: /\b(pat[A-Za-z0-9]{14}\.[a-f0-9]{64})(?![a-f0-9])/,
  },
];
