import type { SecretRule } from '../types.js';

/** Chat, e-mail and SMS providers: Slack, Discord, Telegram, Twilio, SendGrid, Mailchimp. */
export const messagingRules: readonly SecretRule[] = [
  {
    id: 'slack-bot-token',
    description: 'Slack bot token',
    keywords: ['xoxb-'],
    regex: /\b(xoxb-\d{10,13}-\d{10,13}-[A-Za-z0-9]{24,34})(?![A-Za-z0-9])/,
  },
  {
    id: 'slack-user-token',
    description: 'Slack user or legacy token',
    keywords: ['xoxp-', 'xoxe-', 'xoxa-', 'xoxs-', 'xoxo-', 'xoxr-'],
    regex: /\b(xox[pearso](?:\.xox[a-z])?-\d{10,13}-[0-9A-Za-z-]{20,200})/,
  },
  {
    id: 'slack-app-token',
    description: 'Slack app-level token',
    keywords: ['xapp-'],
    regex: /\b(xapp-\d-[A-Z0-9]{9,13}-\d{10,14}-[a-f0-9]{60,70})(?![a-f0-9])/,
  },
  {
    id: 'slack-webhook-url',
    description: 'Slack incoming webhook URL',
    keywords: ['hooks.slack.com/'],
    regex: /(hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{6,14}\/[A-Za-z0-9]{20,40})/,
  },
  {
    id: 'discord-webhook-url',
    description: 'Discord webhook URL',
    keywords: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'],
    regex: /(discord(?:app)?\.com\/api\/webhooks\/\d{16,20}\/[A-Za-z0-9_-]{60,80})/,
  },
  {
    id: 'telegram-bot-token',
    description: 'Telegram bot token',
    keywords: [':aa'],
    regex: /(?:^|[^0-9])(\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'twilio-api-key',
    description: 'Twilio API key SID',
    keywords: ['sk'],
    regex: /\b(SK[0-9a-f]{32})\b/,
    validate: (secret) => /\d/.test(secret.slice(2)) && /[a-f]/.test(secret.slice(2)),
  },
  {
    id: 'sendgrid-api-key',
    description: 'SendGrid API key',
    keywords: ['sg.'],
    // Keys issued today are SG.<22>.<43>, but older and scoped keys vary in both parts' length.
    regex: /\b(SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'mailchimp-api-key',
    description: 'Mailchimp API key',
    keywords: ['-us'],
    regex: /\b([0-9a-f]{32}-us\d{1,2})\b/,
  },
];
