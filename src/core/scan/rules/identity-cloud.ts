import { contextual, prefixed, UUID, type ProviderRule } from './define.js';

/**
 * More cloud credentials (AWS, Google, Azure, Alibaba) and identity / secret managers (Okta,
 * 1Password, Dropbox, Mapbox). Azure's newer keys carry a documented service signature at a
 * fixed place (`+ASb` Service Bus, `+AEh` Event Hubs, `+ACR` registries, `AzFu` Functions,
 * `AzSe` Search, `+ASt` Storage, `ACDb` Cosmos DB), which makes them recognisable on their own.
 */
export const identityCloudRules: readonly ProviderRule[] = [
  contextual('aws-session-token', 'AWS temporary session token', {
    names: ['aws_session_token', 'aws-session-token', 'awssessiontoken', 'x-amz-security-token', 'sessiontoken'],
    value: '(?:FwoGZXIvYXdz|IQoJb3JpZ2luX2Vj|FQoGZXIvYXdz)[A-Za-z0-9/+=]{100,1200}',
    validate: () => true,
  }),
  prefixed('aws-mws-key', 'Amazon MWS auth token', { prefix: 'amzn.mws.', body: UUID, end: 'A-Za-z0-9', uuidSecret: true }),
  // Bedrock long-term API keys are base64 of "BedrockAPIKey-...".
  prefixed('aws-bedrock-api-key', 'Amazon Bedrock API key', { prefix: 'ABSKQmVkcm9ja0FQSUtleS', body: '[A-Za-z0-9+/]{100,200}={0,2}', end: 'A-Za-z0-9+/=' }),
  contextual('gcp-service-account-key-id', 'Google Cloud service account key (private_key_id)', { names: ['private_key_id'], value: '[a-f0-9]{40}' }),
  prefixed('google-oauth-refresh-token', 'Google OAuth refresh token', { prefix: '1//0', body: '[A-Za-z0-9_-]{40,300}' }),
  {
    id: 'firebase-cloud-messaging-key',
    description: 'Firebase Cloud Messaging server key',
    // Keyed on the fixed middle: every Fernet token (gAAAAAB...) contains "AAAA".
    keywords: [':apa91b'],
    regex: /(?<![A-Za-z0-9_-])(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'azure-sas-token',
    description: 'Azure shared access signature in a URL or connection string',
    keywords: ['sig='],
    regex: /[?&;]s[vr]=[^\s"']{2,80}&[^\s"']*?\bsig=([A-Za-z0-9%+/]{40,100}(?:%3D|=){0,2})/i,
  },
  {
    id: 'azure-shared-access-key',
    description: 'Azure Service Bus / Event Hubs / IoT Hub shared access key',
    keywords: ['sharedaccesskey='],
    regex: /SharedAccessKey=([A-Za-z0-9+/]{43}=)/i,
  },
  {
    id: 'azure-container-registry-key',
    description: 'Azure Container Registry access key',
    keywords: ['+acr'],
    regex: /(?<![A-Za-z0-9+/])([A-Za-z0-9+/]{42}\+ACR[A-Za-z0-9]{6})(?![A-Za-z0-9+/])/,
  },
  {
    id: 'azure-function-key',
    description: 'Azure Functions access key',
    keywords: ['azfu'],
    regex: /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==)/,
  },
  {
    id: 'azure-search-key',
    description: 'Azure AI Search admin or query key',
    keywords: ['azse'],
    regex: /(?<![A-Za-z0-9])([A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5})(?![A-Za-z0-9])/,
  },
  {
    id: 'azure-identifiable-storage-key',
    description: 'Azure Storage / Cosmos DB / Service Bus / Event Hubs identifiable key',
    keywords: ['+ast', 'acdb', '+asb', '+aeh', '+arm'],
    regex: /(?<![A-Za-z0-9+/])([A-Za-z0-9+/]{76}(?:\+ASt|ACDb|\+ASb|\+AEh|\+ARm)[A-Za-z0-9+/]{5}[AQgw]==)/,
  },
  {
    id: 'azure-app-configuration',
    description: 'Azure App Configuration connection string secret',
    keywords: ['azconfig.io'],
    regex: /azconfig\.io;Id=[^;\s"']{2,80};Secret=([A-Za-z0-9+/]{40,60}={0,2})/,
  },
  contextual('alibaba-access-key-secret', 'Alibaba Cloud AccessKey secret', { names: ['alibaba', 'aliyun', 'accesskeysecret', 'access_key_secret'], value: '[A-Za-z0-9]{30}' }),
  contextual('okta-api-token', 'Okta API token', { names: ['okta', 'ssws'], value: '00[A-Za-z0-9_-]{40}' }),
  {
    id: 'okta-ssws-header',
    description: 'Okta API token in an SSWS Authorization header',
    keywords: ['ssws '],
    regex: /\bSSWS\s+(00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/,
  },
  prefixed('onepassword-service-account-token', '1Password service account token', { prefix: 'ops_eyJ', body: '[A-Za-z0-9+/=_-]{200,1200}', end: 'A-Za-z0-9+/=_-' }),
  prefixed('onepassword-secret-key', '1Password account Secret Key', { prefix: 'A3-', body: '[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}', end: 'A-Za-z0-9' }),
  prefixed('dropbox-short-lived-token', 'Dropbox short-lived access token', { prefix: 'sl.', body: '(?:u\\.|B)[A-Za-z0-9_-]{130,1200}' }),
  {
    id: 'dropbox-long-lived-token',
    description: 'Dropbox long-lived access token',
    keywords: ['aaaaaaaaaa'],
    regex: /(?<![A-Za-z0-9_-])([A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    fillerPart: (s) => s.slice(0, 11) + s.slice(21),
  } as ProviderRule,
  contextual('dropbox-app-secret', 'Dropbox app secret', { names: ['dropbox'], value: '[a-z0-9]{15}' }),
  prefixed('mapbox-temporary-token', 'Mapbox temporary access token', { prefix: 'tk.eyJ', body: '[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}' }),
  contextual('keycloak-client-secret', 'Keycloak client secret', { names: ['keycloak'], value: '[A-Za-z0-9]{32}' }),
  contextual('duo-secret-key', 'Duo integration secret key', { names: ['duo_skey', 'duo_secret', 'duo-secret'], value: '[A-Za-z0-9]{40}' }),
  contextual('onelogin-client-secret', 'OneLogin API client secret', { names: ['onelogin'], value: '[a-f0-9]{64}' }),
  contextual('jumpcloud-api-key', 'JumpCloud API key', { names: ['jumpcloud'], value: '[a-f0-9]{40}' }),
  contextual('infisical-token', 'Infisical service or machine token', { names: ['infisical'], value: 'st\\.[A-Za-z0-9.-]{60,200}' }),
  contextual('akeyless-access-key', 'Akeyless access key', { names: ['akeyless'], value: '[A-Za-z0-9+/]{43}=' }),
];
