import { ALNUM, B64, fake, join } from '../synthetic.js';
import { uuid, type RuleCase } from './case.js';

const base64 = (text: string) => Buffer.from(text).toString('base64');
const password = () => join(fake(ALNUM, 10), '7', fake(ALNUM, 5));
/** A PEM private key, base64-wrapped as Kubernetes and CI variables hold it. */
const wrappedKey = () => base64(join('-----BEGIN ', 'PRIVATE KEY-----\n', fake(B64, 64), '\n', fake(B64, 64), '\n-----END ', 'PRIVATE KEY-----\n'));

export const credentialCases: Record<string, RuleCase> = {
  'curl-basic-auth': {
    lineOnly: true,
    hit: () => `curl -u deploy:${password()} https://ci.internal/api/jobs`,
    miss: () => 'curl -u deploy:$DEPLOY_PASSWORD https://ci.internal/api/jobs',
  },
  'http-auth-header': {
    lineOnly: true,
    hit: () => `curl -H "Authorization: Bearer ${fake(ALNUM, 36)}" https://api.internal/v1/me`,
    miss: () => 'curl -H "Authorization: Bearer $TOKEN" https://api.internal/v1/me',
  },
  'http-basic-auth-header': {
    lineOnly: true,
    hit: () => `headers = {"Authorization": "Basic ${base64(`svc:${password()}`)}"}`,
    miss: () => `headers = {"Authorization": "Basic ${base64('just-a-user-name')}"}`,
  },
  'npmrc-legacy-auth-token': { lineOnly: true, hit: () => `//registry.internal/:_auth${'Token'}=${uuid()}`, miss: () => '//registry.internal/:_authToken=${NPM_TOKEN}' },
  'npmrc-auth': { lineOnly: true, hit: () => `_auth = ${base64(`ci:${password()}`)}`, miss: () => `_auth = ${base64('no-colon-here')}` },
  'docker-config-auth': {
    lineOnly: true,
    hit: () => `{"auths": {"registry.internal": {"auth": "${base64(`robot:${password()}`)}"}}}`,
    miss: () => '{"auths": {"registry.internal": {"auth": ""}}}',
  },
  'nuget-config-password': {
    lineOnly: true,
    hit: () => `<add key="ClearText${'Password'}" value="${password()}" />`,
    miss: () => '<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />',
  },
  'jdbc-password': {
    lineOnly: true,
    hit: () => `url=jdbc:sqlserver://db.internal:1433;databaseName=app;user=app;password=${password()}`,
    miss: () => 'url=jdbc:sqlserver://db.internal:1433;databaseName=app;user=app;password=${DB_PASSWORD}',
  },
  'connection-string-password': {
    lineOnly: true,
    hit: () => `"Default": "Server=db.internal;Database=app;User Id=app;Password=${password()};"`,
    miss: () => '"Default": "Server=db.internal;Database=app;User Id=app;Password=;"',
  },
  'laravel-app-key': { lineOnly: true, hit: () => `APP_KEY=base64:${fake(B64, 43)}=`, miss: () => `APP_KEY=base64:${fake(B64, 40)}=` },
  'kubeconfig-client-key': { lineOnly: true, hit: () => `    client-key-data: ${wrappedKey()}`, miss: () => '    client-key-data: LS0tLS1CRUdJTg==' },
  'base64-private-key': { name: 'SIGNING_KEY_B64', hit: wrappedKey, miss: () => base64(join('-----BEGIN ', 'PUBLIC KEY-----\n', fake(B64, 64), '\n', fake(B64, 64), '\n')) },
  'putty-private-key': {
    lineOnly: true,
    hit: () => join('PuTTY-User-Key', '-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n', fake(B64, 64)),
    miss: () => "const header = 'PuTTY-User-Key-File-3: ';",
  },
  'service-password-setting': { name: 'SMTP_PASSWORD', hit: password, miss: () => 'changeme' },
};

