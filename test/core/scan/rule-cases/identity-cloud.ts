import { ALNUM, B64, B64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, fake, join } from '../synthetic.js';
import { lengthCase, named, uuid, type RuleCase } from './case.js';

const base64 = (text: string) => Buffer.from(text).toString('base64');

export const identityCloudCases: Record<string, RuleCase> = {
  'aws-session-token': named('AWS_SESSION_TOKEN', B64, 300, 'IQoJb3JpZ2luX2Vj', 40),
  'aws-mws-key': { hit: () => join('amzn', '.mws.', uuid()), miss: () => join('amzn', '.mws.', uuid().slice(0, -1)) },
  'aws-bedrock-api-key': { hit: () => 'AB' + 'SK' + base64(join('BedrockAPIKey-', fake(LOWER_ALNUM, 4), '-at-', fake(DIGITS, 12), ':', fake(B64, 60))), miss: () => join('ABSK', 'QmVkcm9ja0FQSUtleS', fake(B64, 20)) },
  'gcp-service-account-key-id': { name: 'private_key_id', hit: () => fake(HEX, 40), miss: () => fake(HEX, 39) },
  'google-oauth-refresh-token': lengthCase('1/' + '/0', B64URL, 100, 20),
  'firebase-cloud-messaging-key': { hit: () => join('AA', 'AA', fake(B64URL, 7), ':APA91b', fake(B64URL, 134)), miss: () => join('AA', 'AA', fake(B64URL, 7), ':APA91b', fake(B64URL, 60)) },
  'azure-sas-token': {
    hit: () => join('https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01&spr=https&sig=', fake(ALNUM, 43), '%3D'),
    miss: () => 'https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&sig=',
  },
  'azure-shared-access-key': { hit: () => join('Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccess', 'Key=', fake(B64, 43), '='), miss: () => join('Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccess', 'Key=', fake(B64, 40), '=') },
  'azure-container-registry-key': { hit: () => join(fake(B64, 42), '+A', 'CR', fake(ALNUM, 6)), miss: () => join(fake(B64, 41), '+A', 'CR', fake(ALNUM, 6)) },
  'azure-function-key': { hit: () => join(fake(B64URL, 44), 'Az', 'Fu', fake(B64URL, 5), 'A=='), miss: () => join(fake(B64URL, 43), 'Az', 'Fu', fake(B64URL, 5), 'A==') },
  'azure-search-key': { hit: () => join(fake(ALNUM, 42), 'Az', 'SeA', fake(ALNUM, 5)), miss: () => join(fake(ALNUM, 41), 'Az', 'SeA', fake(ALNUM, 5)) },
  'azure-identifiable-storage-key': { hit: () => join(fake(B64, 76), '+A', 'St', fake(B64, 5), 'Q=='), miss: () => join(fake(B64, 75), '+A', 'St', fake(B64, 5), 'Q==') },
  'azure-app-configuration': { hit: () => join('Endpoint=https://cfg.azconfig.io;Id=', fake(ALNUM, 12), ';Secret=', fake(B64, 43), '='), miss: () => join('Endpoint=https://cfg.azconfig.io;Id=', fake(ALNUM, 12), ';Secret=') },
  'alibaba-access-key-secret': named('ALIBABA_CLOUD_ACCESS_KEY_SECRET', ALNUM, 30),
  'okta-api-token': named('OKTA_API_TOKEN', B64URL, 40, '00'),
  'okta-ssws-header': { hit: () => join('Authorization: SS', 'WS 00', fake(B64URL, 40)), miss: () => join('Authorization: SS', 'WS 00', fake(B64URL, 30)) },
  'onepassword-service-account-token': { hit: () => join('ops', '_', base64(JSON.stringify({ signInAddress: 'my.1password.com', userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: fake(B64URL, 22) }, email: `${fake(LOWER_ALNUM, 12)}@1passwordserviceaccounts.com`, srpX: fake(HEX, 64), muk: { alg: 'A256GCM', ext: true, k: fake(B64URL, 43), kty: 'oct' }, secretKey: 'A3-' + fake(UPPER_ALNUM, 6) })).replace(/=+$/, '')), miss: () => join('ops', '_eyJ', fake(B64, 40)) },
  'onepassword-secret-key': { hit: () => join('A', '3-', fake(UPPER_ALNUM, 6), '-', fake(UPPER_ALNUM, 11), '-', fake(UPPER_ALNUM, 5), '-', fake(UPPER_ALNUM, 5), '-', fake(UPPER_ALNUM, 5)), miss: () => join('A', '3-', fake(UPPER_ALNUM, 6), '-', fake(UPPER_ALNUM, 11), '-', fake(UPPER_ALNUM, 5)) },
  'dropbox-short-lived-token': lengthCase('s' + 'l.B', B64URL, 140, 60),
  'dropbox-long-lived-token': { hit: () => join(fake(ALNUM, 11), 'A'.repeat(10), fake(B64URL, 43)), miss: () => join(fake(ALNUM, 11), 'A'.repeat(10), fake(B64URL, 30)) },
  'dropbox-app-secret': named('DROPBOX_APP_SECRET', LOWER_ALNUM, 15),
  'mapbox-temporary-token': { hit: () => join('t', 'k.eyJ', fake(B64URL, 60), '.', fake(B64URL, 22)), miss: () => join('t', 'k.eyJ', fake(B64URL, 10)) },
  'keycloak-client-secret': named('KEYCLOAK_CLIENT_SECRET', ALNUM, 32),
  'duo-secret-key': named('DUO_SKEY', ALNUM, 40),
  'onelogin-client-secret': named('ONELOGIN_CLIENT_SECRET', HEX, 64),
  'jumpcloud-api-key': named('JUMPCLOUD_API_KEY', HEX, 40),
  'infisical-token': named('INFISICAL_TOKEN', ALNUM, 90, 'st.', 30),
  'akeyless-access-key': { name: 'AKEYLESS_ACCESS_KEY', hit: () => join(fake(B64, 43), '='), miss: () => join(fake(B64, 42), '=') },
};
