import { contextual, HEX32, prefixed, UUID, type ProviderRule } from './define.js';

/** E-mail and SMS delivery: Mailgun, Brevo, Mandrill, MailerSend, Resend, Postmark, Klaviyo, Twilio. */
export const emailRules: readonly ProviderRule[] = [
  // Mailgun's private API keys: the older `key-` + 32 hex, and the current 32 hex-8 hex-8 hex.
  prefixed('mailgun-api-key', 'Mailgun private API key', { prefix: 'key-', body: '[a-f0-9]{32}', end: 'A-Za-z0-9' }),
  contextual('mailgun-api-key-named', 'Mailgun private API key (current form)', { names: ['mailgun', 'mg_api_key'], value: '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}' }),
  contextual('mailgun-webhook-signing-key', 'Mailgun webhook signing key', { names: ['mailgun_webhook', 'mailgun_signing', 'mailgun-webhook'], value: HEX32 }),
  prefixed('brevo-api-key', 'Brevo (Sendinblue) API or SMTP key', { prefix: ['xkeysib-', 'xsmtpsib-'], body: '[a-f0-9]{64}-[A-Za-z0-9]{16}', end: 'A-Za-z0-9' }),
  contextual('mandrill-api-key', 'Mandrill (Mailchimp Transactional) API key', { names: ['mandrill'], value: '(?:md-)?[A-Za-z0-9_-]{22}' }),
  prefixed('mailersend-api-token', 'MailerSend API token', { prefix: 'mlsn.', body: '[a-f0-9]{64}', end: 'A-Za-z0-9' }),
  prefixed('resend-api-key', 'Resend API key', { prefix: 're_', body: '[A-Za-z0-9]{8,10}_[A-Za-z0-9]{20,32}', end: 'A-Za-z0-9', validate: (s) => /\d/.test(s) && /[A-Z]/.test(s) }),
  contextual('postmark-server-token', 'Postmark server or account token', { names: ['postmark'], value: UUID }),
  prefixed('klaviyo-private-key', 'Klaviyo private API key', { prefix: 'pk_', body: '[a-f0-9]{34}', end: 'A-Za-z0-9' }),
  contextual('twilio-auth-token', 'Twilio auth token', { names: ['twilio'], value: HEX32 }),
  contextual('sparkpost-api-key', 'SparkPost API key', { names: ['sparkpost'], value: '[a-f0-9]{40}' }),
  contextual('mailjet-secret-key', 'Mailjet API secret key', { names: ['mailjet', 'mj_apikey_private'], value: HEX32 }),
  contextual('vonage-api-secret', 'Vonage (Nexmo) API secret', { names: ['nexmo', 'vonage'], value: '[A-Za-z0-9]{16}' }),
  contextual('plivo-auth-token', 'Plivo auth token', { names: ['plivo'], value: '[A-Za-z0-9]{40}' }),
  contextual('messagebird-api-key', 'MessageBird / Bird access key', { names: ['messagebird'], value: '[A-Za-z0-9]{25}' }),
  contextual('sinch-api-token', 'Sinch API token', { names: ['sinch'], value: HEX32 }),
  contextual('customerio-api-key', 'Customer.io API key', { names: ['customerio', 'customer_io'], value: '[a-f0-9]{20,32}' }),
  contextual('loops-api-key', 'Loops API key', { names: ['loops_api'], value: HEX32 }),
];
