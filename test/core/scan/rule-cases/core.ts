import { withBase62Crc32 } from '../../../../src/core/scan/checksum.js';
import { ALNUM, B64, B64URL, DIGITS, fake, HEX, join, LETTERS, LOWER_ALNUM, UPPER_ALNUM } from '../synthetic.js';
import type { RuleCase } from './case.js';


const ghToken = (prefix: string) => join(prefix, withBase62Crc32(fake(ALNUM, 30)));
const badChecksum = (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
const jwtPart = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const AWS_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';

/** The first 67 rules' cases: one synthetic hit and one near miss each. */
export const coreCases: Record<string, RuleCase> = {
  'github-pat': { hit: () => `token: "${ghToken('gh' + 'p_')}"`, miss: () => `token: "${badChecksum(ghToken('gh' + 'p_'))}"` },
  'github-oauth-token': { hit: () => ghToken('gh' + 'o_'), miss: () => badChecksum(ghToken('gh' + 'o_')) },
  'github-user-to-server-token': { hit: () => ghToken('gh' + 'u_'), miss: () => badChecksum(ghToken('gh' + 'u_')) },
  'github-server-to-server-token': { hit: () => ghToken('gh' + 's_'), miss: () => badChecksum(ghToken('gh' + 's_')) },
  'github-refresh-token': { hit: () => ghToken('gh' + 'r_'), miss: () => badChecksum(ghToken('gh' + 'r_')) },
  'github-fine-grained-pat': {
    hit: () => join('github', '_pat_', fake(ALNUM, 22), '_', fake(ALNUM, 59)),
    miss: () => join('github', '_pat_', fake(ALNUM, 21), '_', fake(ALNUM, 59)),
  },
  'gitlab-pat': { hit: () => join('glp', 'at-', fake(ALNUM, 20)), miss: () => join('glp', 'at-', fake(ALNUM, 12)) },
  'gitlab-runner-token': { hit: () => join('glr', 't-', fake(ALNUM, 20)), miss: () => join('glr', 't-', fake(ALNUM, 10)) },
  'gitlab-pipeline-trigger-token': { hit: () => join('glp', 'tt-', fake(HEX, 40)), miss: () => join('glp', 'tt-', fake(HEX, 39)) },
  'npm-token': { hit: () => `//registry/:_authToken=${ghToken('np' + 'm_')}`, miss: () => badChecksum(ghToken('np' + 'm_')) },
  'pypi-token': { hit: () => join('py', 'pi-AgEIcHlwaS5vcmc', fake(B64URL, 60)), miss: () => join('py', 'pi-AgEIcHlwaS5vcmc', fake(B64URL, 20)) },
  'dockerhub-pat': { hit: () => join('dckr', '_pat_', fake(ALNUM, 27)), miss: () => join('dckr', '_pat_', fake(ALNUM, 26)) },
  'rubygems-api-key': { hit: () => join('rubygems', '_', fake(HEX, 48)), miss: () => join('rubygems', '_', fake(HEX, 47)) },
  'clojars-token': { hit: () => join('CLOJARS', '_', fake(LOWER_ALNUM, 60)), miss: () => join('CLOJARS', '_', fake(LOWER_ALNUM, 59)) },
  'aws-access-key-id': { hit: () => join('AK', 'IA', fake(AWS_ALPHABET, 16)), miss: () => join('AK', 'IA', fake(AWS_ALPHABET, 15)) },
  'aws-secret-access-key': {
    hit: () => `aws_secret_access_key = "${fake(B64, 40)}"`,
    miss: () => `aws_secret_access_key = "${fake(B64, 39)}"`,
  },
  'google-api-key': { hit: () => join('AI', 'za', fake(B64URL, 35)), miss: () => join('AI', 'za', fake(B64URL, 34)) },
  'google-oauth-client-secret': { hit: () => join('GOC', 'SPX-', fake(B64URL, 28)), miss: () => join('GOC', 'SPX-', fake(B64URL, 27)) },
  'google-oauth-access-token': { hit: () => join('ya', '29.', fake(B64URL, 60)), miss: () => join('ya', '29.', fake(B64URL, 12)) },
  'azure-storage-account-key': {
    hit: () => `DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=${fake(B64, 86)}==;EndpointSuffix=core`,
    miss: () => `DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=${fake(B64, 85)}==;EndpointSuffix=core`,
  },
  'azure-ad-client-secret': { hit: () => join(fake(ALNUM, 3), '8Q', '~', fake(ALNUM, 34)), miss: () => join(fake(ALNUM, 3), '8Q', '-', fake(ALNUM, 34)) },
  'digitalocean-token': { hit: () => join('do', 'p_v1_', fake(HEX, 64)), miss: () => join('do', 'p_v1_', fake(HEX, 63)) },
  'databricks-token': { hit: () => join('da', 'pi', fake(HEX, 32)), miss: () => join('da', 'pi', fake(HEX, 31)) },
  'alibaba-access-key-id': { hit: () => join('LT', 'AI', fake(ALNUM, 20)), miss: () => join('LT', 'AI', fake(ALNUM, 19)) },
  'terraform-cloud-token': {
    hit: () => join(fake(ALNUM, 14), '.atlas', 'v1.', fake(ALNUM, 64)),
    miss: () => join(fake(ALNUM, 14), '.atlas', 'v2.', fake(ALNUM, 64)),
  },
  'pulumi-access-token': { hit: () => join('pu', 'l-', fake(HEX, 40)), miss: () => join('pu', 'l-', fake(HEX, 39)) },
  'planetscale-token': { hit: () => join('pscale', '_pw_', fake(ALNUM, 43)), miss: () => join('pscale', '_pw_', fake(ALNUM, 20)) },
  'supabase-access-token': { hit: () => join('sb', 'p_', fake(HEX, 40)), miss: () => join('sb', 'p_', fake(HEX, 39)) },
  'flyio-token': { hit: () => join('fo', '1_', fake(B64URL, 43)), miss: () => join('fo', '1_', fake(B64URL, 42)) },
  'stripe-secret-key': { hit: () => join('sk', '_live_', fake(ALNUM, 24)), miss: () => join('sk', '_live_', fake(ALNUM, 23)) },
  'stripe-webhook-secret': { hit: () => join('wh', 'sec_', fake(ALNUM, 32)), miss: () => join('wh', 'sec_', fake(ALNUM, 31)) },
  'square-access-token': { hit: () => join('EA', 'AA', fake(B64URL, 60)), miss: () => join('EA', 'AA', fake(B64URL, 59)) },
  'square-oauth-secret': { hit: () => join('sq0', 'csp-', fake(B64URL, 43)), miss: () => join('sq0', 'csp-', fake(B64URL, 42)) },
  'shopify-token': { hit: () => join('shp', 'at_', fake(HEX, 32)), miss: () => join('shp', 'at_', fake(HEX, 31)) },
  'slack-bot-token': {
    hit: () => join('xo', 'xb-', fake(DIGITS, 11), '-', fake(DIGITS, 12), '-', fake(ALNUM, 24)),
    miss: () => join('xo', 'xb-', fake(DIGITS, 11), '-', fake(ALNUM, 24)),
  },
  'slack-user-token': { hit: () => join('xo', 'xp-', fake(DIGITS, 11), '-', fake(ALNUM, 40)), miss: () => join('xo', 'xp-', fake(ALNUM, 30)) },
  'slack-app-token': {
    hit: () => join('xa', 'pp-1-A', fake(UPPER_ALNUM, 10), '-', fake(DIGITS, 13), '-', fake(HEX, 64)),
    miss: () => join('xa', 'pp-1-A', fake(UPPER_ALNUM, 10), '-', fake(HEX, 64)),
  },
  'slack-webhook-url': {
    hit: () => join('https://hooks.slack.com/services/T', fake(UPPER_ALNUM, 8), '/B', fake(UPPER_ALNUM, 8), '/', fake(ALNUM, 24)),
    miss: () => 'https://hooks.slack.com/services/T000/B000/short',
  },
  'discord-webhook-url': {
    hit: () => join('https://discord.com/api/webhooks/', fake(DIGITS, 18), '/', fake(B64URL, 68)),
    miss: () => join('https://discord.com/api/webhooks/', fake(DIGITS, 18), '/', fake(B64URL, 20)),
  },
  'telegram-bot-token': { hit: () => join(fake(DIGITS, 9), ':A', 'A', fake(B64URL, 33)), miss: () => join(fake(DIGITS, 9), ':A', 'A', fake(B64URL, 32)) },
  'twilio-api-key': { hit: () => join('S', 'K', fake(HEX, 32)), miss: () => join('S', 'K', fake(HEX, 31)) },
  'sendgrid-api-key': { hit: () => join('S', 'G.', fake(B64URL, 22), '.', fake(B64URL, 43)), miss: () => join('S', 'G.', fake(B64URL, 15), '.', fake(B64URL, 43)) },
  'mailchimp-api-key': { hit: () => join(fake(HEX, 32), '-us', '12'), miss: () => join(fake(HEX, 32), '-eu', '12') },
  'openai-api-key': {
    hit: () => join('sk', '-proj-', fake(ALNUM, 24), 'T3Blbk', 'FJ', fake(ALNUM, 24)),
    miss: () => join('sk', '-proj-', fake(ALNUM, 24), 'T3Blbk', 'FJ', fake(ALNUM, 8)),
  },
  'anthropic-api-key': { hit: () => join('sk', '-ant-api03-', fake(ALNUM, 93), 'A', 'A'), miss: () => join('sk', '-ant-api03-', fake(ALNUM, 40)) },
  'huggingface-token': { hit: () => join('h', 'f_', fake(LETTERS, 34)), miss: () => join('h', 'f_', fake('abcdefghijklmnopqrstuvwxyz', 34)) },
  'groq-api-key': { hit: () => join('gs', 'k_', fake(ALNUM, 52)), miss: () => join('gs', 'k_', fake(ALNUM, 51)) },
  'replicate-api-token': { hit: () => join('r', '8_', fake(ALNUM, 37)), miss: () => join('r', '8_', fake(ALNUM, 36)) },
  'vault-token': { hit: () => join('hv', 's.', fake(B64URL, 95)), miss: () => join('hv', 's.', fake(B64URL, 30)) },
  'doppler-token': { hit: () => join('dp.', 'pt.', fake(ALNUM, 43)), miss: () => join('dp.', 'pt.', fake(ALNUM, 30)) },
  'postman-api-key': { hit: () => join('PM', 'AK-', fake(HEX, 24), '-', fake(HEX, 34)), miss: () => join('PM', 'AK-', fake(HEX, 24), '-', fake(HEX, 33)) },
  'linear-api-key': { hit: () => join('lin', '_api_', fake(ALNUM, 40)), miss: () => join('lin', '_api_', fake(ALNUM, 39)) },
  'notion-token': { hit: () => join('nt', 'n_', fake(DIGITS, 11), fake(ALNUM, 35)), miss: () => join('nt', 'n_', fake(DIGITS, 11), fake(ALNUM, 34)) },
  'sentry-token': { hit: () => join('sntry', 'u_', fake(HEX, 64)), miss: () => join('sntry', 'u_', fake(HEX, 63)) },
  'grafana-cloud-token': { hit: () => join('gl', 'c_', fake(B64, 48)), miss: () => join('gl', 'c_', fake(B64, 20)) },
  'grafana-service-account-token': { hit: () => join('gl', 'sa_', fake(ALNUM, 32), '_', fake(HEX, 8)), miss: () => join('gl', 'sa_', fake(ALNUM, 32), '_', fake(HEX, 7)) },
  'newrelic-user-api-key': { hit: () => join('NR', 'AK-', fake(UPPER_ALNUM, 27)), miss: () => join('NR', 'AK-', fake(UPPER_ALNUM, 26)) },
  'dynatrace-api-token': {
    hit: () => join('dt0', 'c01.', fake(UPPER_ALNUM, 24), '.', fake(UPPER_ALNUM, 64)),
    miss: () => join('dt0', 'c01.', fake(UPPER_ALNUM, 24), '.', fake(UPPER_ALNUM, 63)),
  },
  'mapbox-secret-token': { hit: () => join('sk', '.eyJ', fake(B64URL, 60), '.', fake(B64URL, 22)), miss: () => join('sk', '.eyJ', fake(B64URL, 10)) },
  'figma-pat': { hit: () => join('fi', 'gd_', fake(B64URL, 40)), miss: () => join('fi', 'gd_', fake(B64URL, 39)) },
  'contentful-pat': { hit: () => join('CF', 'PAT-', fake(B64URL, 43)), miss: () => join('CF', 'PAT-', fake(B64URL, 42)) },
  'airtable-pat': { hit: () => join('pat', fake(ALNUM, 14), '.', fake(HEX, 64)), miss: () => join('pat', fake(ALNUM, 14), '.', fake(HEX, 63)) },
  'private-key': {
    hit: () => join('-----BEGIN RSA ', 'PRIVATE KEY-----\n', fake(B64, 64), '\n', fake(B64, 64), '\n-----END RSA ', 'PRIVATE KEY-----'),
    miss: () => join('const header = "-----BEGIN RSA ', 'PRIVATE KEY-----"; // parsed below'),
  },
  'fernet-key': { hit: () => `FERNET_KEY = "${Buffer.from(fake(ALNUM, 32)).toString('base64url')}="`, miss: () => `FERNET_KEY = "${fake(B64URL, 43)}A"` },
  'age-secret-key': { hit: () => join('AGE-SECRET', '-KEY-1', fake(BECH32, 58)), miss: () => join('AGE-SECRET', '-KEY-1', fake(BECH32, 57)) },
  jwt: {
    hit: () => join(jwtPart({ alg: 'HS256', typ: 'JWT' }), '.', jwtPart({ sub: fake(DIGITS, 10), iat: 1700000000 }), '.', fake(B64URL, 43)),
    miss: () => join('eyJ', fake(B64URL, 30), '.', 'eyJ', fake(B64URL, 30), '.', fake(B64URL, 43)),
  },
  'database-url-password': {
    hit: () => `DATABASE=postgres://app:${fake(ALNUM, 16)}@db.internal:5432/app`,
    miss: () => 'DATABASE=postgres://app:password@localhost:5432/app',
  },
  'url-credentials': {
    hit: () => `remote = "https://deploy:${fake(ALNUM, 16)}@git.internal/repo.git"`,
    miss: () => 'remote = "https://deploy:${DEPLOY_TOKEN}@git.internal/repo.git"',
  },
};
