import { contextual, prefixed, type ProviderRule } from './define.js';

/**
 * Chat and social platforms: Discord, Telegram, Twitter/X, the Slack token kinds the older
 * rules miss, Microsoft Teams and Google Chat webhooks, Meta, Intercom.
 */
export const chatRules: readonly ProviderRule[] = [
  {
    id: 'discord-bot-token',
    description: 'Discord bot token',
    // Three dot-separated parts: base64 of the bot's numeric id (so it starts M, N or O), a
    // 6-character timestamp and an HMAC. No literal prefix, so the name or `Bot ` must be near.
    keywords: ['discord', 'bot '],
    regex: /(?<![A-Za-z0-9_-])([MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_-])/,
  },
  contextual('discord-client-secret', 'Discord OAuth client secret', { names: ['discord'], value: '[A-Za-z0-9_-]{32}' }),
  contextual('telegram-bot-token-named', 'Telegram bot token (any secret part)', { names: ['telegram', 'tg_bot', 'bot_token'], value: '\\d{8,10}:[A-Za-z0-9_-]{35}' }),
  prefixed('twitter-bearer-token', 'Twitter/X app-only bearer token', {
    prefix: 'AAAAAAAAAAAAAAAAAAAAA',
    body: '[A-Za-z0-9%]{80,130}',
    end: 'A-Za-z0-9%',
    fillerPart: (s) => s.slice(21),
  }),
  contextual('twitter-access-token', 'Twitter/X user access token', { names: ['twitter', 'x_access_token'], value: '\\d{6,20}-[A-Za-z0-9]{40}' }),
  contextual('twitter-api-secret', 'Twitter/X API key secret or access token secret', { names: ['twitter', 'consumer_secret'], value: '[A-Za-z0-9]{45,50}' }),
  contextual('twitter-api-key', 'Twitter/X API key (consumer key)', { names: ['twitter', 'consumer_key'], value: '[A-Za-z0-9]{25}' }),
  prefixed('slack-legacy-bot-token', 'Slack legacy bot token', { prefix: 'xoxb-', body: '\\d{8,14}-[A-Za-z0-9]{18,26}', end: 'A-Za-z0-9-' }),
  prefixed('slack-workspace-token', 'Slack legacy workspace token', { prefix: ['xoxa-2-', 'xoxr-2-'], body: '\\d{8,14}-[A-Za-z0-9-]{20,200}' }),
  prefixed('slack-config-token', 'Slack app configuration access token', { prefix: ['xoxe.xoxp-1-', 'xoxe.xoxb-1-'], body: '[A-Za-z0-9]{150,180}' }),
  prefixed('slack-config-refresh-token', 'Slack app configuration refresh token', { prefix: 'xoxe-1-', body: '[A-Za-z0-9]{130,160}' }),
  {
    id: 'msteams-webhook-url',
    description: 'Microsoft Teams incoming webhook URL',
    keywords: ['webhook.office.com', 'outlook.office.com/webhook'],
    regex: /((?:[a-z0-9-]+\.webhook|outlook)\.office\.com\/webhookb?2?\/[0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/[A-Za-z0-9]{32}\/[0-9a-f-]{36}(?:\/[A-Za-z0-9_-]{40,60})?)/,
    fillerPart: (s) => s.slice(s.indexOf('IncomingWebhook/')),
  } as ProviderRule,
  {
    id: 'google-chat-webhook-url',
    description: 'Google Chat incoming webhook URL',
    keywords: ['chat.googleapis.com/v1/spaces/'],
    regex: /(chat\.googleapis\.com\/v1\/spaces\/[A-Za-z0-9_-]{11}\/messages\?key=[A-Za-z0-9_-]{39}&token=[A-Za-z0-9_%=-]{40,50})/,
    fillerPart: (s) => s.slice(s.indexOf('&token=')),
  } as ProviderRule,
  {
    id: 'zapier-webhook-url',
    description: 'Zapier catch hook URL',
    keywords: ['hooks.zapier.com/hooks/catch/'],
    regex: /(hooks\.zapier\.com\/hooks\/catch\/\d{5,10}\/[a-z0-9]{6,8})(?![a-z0-9])/,
    fillerPart: (s) => s.slice(s.lastIndexOf('/')),
  } as ProviderRule,
  // Intercom access tokens are base64 of "tok:" + a UUID and more.
  prefixed('intercom-access-token', 'Intercom access token', { prefix: 'dG9rO', body: '[A-Za-z0-9+/]{50,70}={0,2}', end: 'A-Za-z0-9+/=' }),
  prefixed('facebook-access-token', 'Facebook / Meta Graph API access token', { prefix: 'EAA', body: '[A-Za-z0-9]{90,400}', end: 'A-Za-z0-9' }),
  contextual('facebook-app-secret', 'Facebook / Meta app secret', { names: ['facebook', 'fb_app_secret', 'meta_app_secret'], value: '[a-f0-9]{32}' }),
  prefixed('instagram-access-token', 'Instagram Graph API access token', { prefix: 'IGQV', body: '[A-Za-z0-9_-]{100,400}' }),
  contextual('pushbullet-token', 'Pushbullet access token', { names: ['pushbullet'], value: 'o\\.[A-Za-z0-9]{32}' }),
  contextual('pushover-token', 'Pushover application or user token', { names: ['pushover'], value: '[a-z0-9]{30}' }),
  contextual('line-channel-token', 'LINE Messaging API channel access token', { names: ['line_channel', 'line-channel'], value: '[A-Za-z0-9+/]{150,180}=?' }),
  contextual('twitch-client-secret', 'Twitch client secret or token', { names: ['twitch'], value: '[a-z0-9]{30}' }),
  contextual('zoom-client-secret', 'Zoom app client secret', { names: ['zoom'], value: '[A-Za-z0-9]{32}' }),
  contextual('mattermost-token', 'Mattermost access token', { names: ['mattermost'], value: '[a-z0-9]{26}' }),
  contextual('linkedin-client-secret', 'LinkedIn client secret', { names: ['linkedin'], value: '[A-Za-z0-9]{16}' }),
  contextual('reddit-client-secret', 'Reddit client secret', { names: ['reddit'], value: '[A-Za-z0-9_-]{27,30}' }),
  contextual('spotify-client-secret', 'Spotify client secret', { names: ['spotify'], value: '[a-f0-9]{32}' }),
];
