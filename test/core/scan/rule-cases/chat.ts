import { ALNUM, B64, B64URL, DIGITS, HEX, LOWER_ALNUM, fake, join } from '../synthetic.js';
import { lengthCase, named, uuid, type RuleCase } from './case.js';

const botId = () => Buffer.from(join('1', fake(DIGITS, 18))).toString('base64url');

export const chatCases: Record<string, RuleCase> = {
  'discord-bot-token': { name: 'DISCORD_BOT_TOKEN', hit: () => join(botId(), '.', fake(B64URL, 6), '.', fake(B64URL, 38)), miss: () => join(botId(), '.', fake(B64URL, 5), '.', fake(B64URL, 38)) },
  'discord-client-secret': named('DISCORD_CLIENT_SECRET', B64URL, 32),
  'telegram-bot-token-named': { name: 'TELEGRAM_BOT_TOKEN', hit: () => join(fake(DIGITS, 10), ':', 'B', fake(B64URL, 34)), miss: () => join(fake(DIGITS, 10), ':', fake(B64URL, 30)) },
  'twitter-bearer-token': { hit: () => join('A'.repeat(21), fake(ALNUM, 90)), miss: () => join('A'.repeat(21), fake(ALNUM, 40)) },
  'twitter-access-token': { name: 'TWITTER_ACCESS_TOKEN', hit: () => join(fake(DIGITS, 19), '-', fake(ALNUM, 40)), miss: () => join(fake(DIGITS, 19), '-', fake(ALNUM, 39)) },
  'twitter-api-secret': named('TWITTER_API_SECRET', ALNUM, 50, '', 40),
  'twitter-api-key': named('TWITTER_API_KEY', ALNUM, 25),
  'slack-legacy-bot-token': { hit: () => join('xo', 'xb-', fake(DIGITS, 11), '-', fake(ALNUM, 24)), miss: () => join('xo', 'xb-', fake(DIGITS, 11), '-', fake(ALNUM, 12)) },
  'slack-workspace-token': { hit: () => join('xo', 'xa-2-', fake(DIGITS, 11), '-', fake(ALNUM, 40)), miss: () => join('xo', 'xa-2-', fake(ALNUM, 40)) },
  'slack-config-token': lengthCase('xo' + 'xe.xoxp-1-', ALNUM, 163, 100),
  'slack-config-refresh-token': lengthCase('xo' + 'xe-1-', ALNUM, 146, 100),
  'msteams-webhook-url': {
    hit: () => join('https://contoso.webhook.office.com/webhookb2/', uuid(), '@', uuid(), '/Incoming', 'Webhook/', fake(ALNUM, 32), '/', uuid()),
    miss: () => join('https://contoso.webhook.office.com/webhookb2/', uuid(), '@', uuid(), '/Incoming', 'Webhook/', fake(ALNUM, 31), '/', uuid()),
  },
  'google-chat-webhook-url': {
    hit: () => join('https://chat.googleapis.com/v1/spaces/', fake(B64URL, 11), '/messages?key=', fake(B64URL, 39), '&token=', fake(B64URL, 43), '%3D'),
    miss: () => join('https://chat.googleapis.com/v1/spaces/', fake(B64URL, 11), '/messages?key=', fake(B64URL, 39)),
  },
  'zapier-webhook-url': { hit: () => join('https://hooks.zapier.com/hooks/catch/', fake(DIGITS, 7), '/', fake(LOWER_ALNUM, 7)), miss: () => join('https://hooks.zapier.com/hooks/catch/', fake(DIGITS, 7), '/') },
  'intercom-access-token': { hit: () => Buffer.from(join('tok:', uuid().replace(/-/g, '_'), ':1:0')).toString('base64'), miss: () => join('dG9r', 'Oj', fake(B64, 20)) },
  'facebook-access-token': lengthCase('EA' + 'A', ALNUM, 160, 60),
  'facebook-app-secret': named('FACEBOOK_APP_SECRET', HEX, 32),
  'instagram-access-token': lengthCase('IG' + 'QV', B64URL, 160, 60),
  'pushbullet-token': named('PUSHBULLET_TOKEN', ALNUM, 32, 'o.'),
  'pushover-token': named('PUSHOVER_APP_TOKEN', LOWER_ALNUM, 30),
  'line-channel-token': named('LINE_CHANNEL_ACCESS_TOKEN', ALNUM, 172, '', 100),
  'twitch-client-secret': named('TWITCH_CLIENT_SECRET', LOWER_ALNUM, 30),
  'zoom-client-secret': named('ZOOM_CLIENT_SECRET', ALNUM, 32),
  'mattermost-token': named('MATTERMOST_TOKEN', LOWER_ALNUM, 26),
  'linkedin-client-secret': named('LINKEDIN_CLIENT_SECRET', ALNUM, 16),
  'reddit-client-secret': named('REDDIT_CLIENT_SECRET', B64URL, 30, '', 20),
  'spotify-client-secret': named('SPOTIFY_CLIENT_SECRET', HEX, 32),
};
