import { describe, expect, it } from 'vitest';
import { findGenericSecrets, looksLikeSecret } from '../../../src/core/scan/generic-rule.js';
import { createScanner } from '../../../src/core/scan/scanner.js';
import { ALNUM, fake, join, reseed } from './synthetic.js';

describe('generic keyword + entropy rule', () => {
  reseed(7);
  const random = fake(ALNUM, 24);

  it('finds a random value assigned to a secret-looking name, quoted or in a config line', () => {
    expect(findGenericSecrets(`const dbPassword = "${random}";`, 'src/db.ts').map((m) => m.key)).toEqual(['dbPassword']);
    expect(findGenericSecrets(`API_KEY=${random}`, '.env.local')).toHaveLength(1);
    expect(findGenericSecrets(`  client_secret: ${random}`, 'config.yaml')).toHaveLength(1);
    const [match] = findGenericSecrets(`token: '${random}'`, 'a.js');
    expect(match?.index).toBe('token: \''.length);
  });

  it('ignores placeholders, identifiers, paths, prose and code expressions', () => {
    for (const line of [
      'password = "${DB_PASSWORD}"',
      'API_KEY=<your-key>',
      'secret: "changeme"',
      'token = "xxxxxxxxxxxxxxxx"',
      'apiKey: "my-example-api-key-123"',
      'password: "passwordConfirmation"',
      'token = "?NonExpressionParenEnd"',
      'secretPath = "/var/run/secrets/token"',
      'message = "Enter your password here"',
      'TOKEN_URL=https://auth.internal/oauth/token',
      'version_token = "1.2.3-4"',
      'const token = scanner.nextToken2();',
    ]) {
      expect(findGenericSecrets(line, 'src/x.ts'), line).toEqual([]);
    }
    // A bare value in source code is an expression, not a literal.
    expect(findGenericSecrets(`  previousToken: ${random},`, 'lib/x.js')).toEqual([]);
  });

  it('ignores names, ids, lengths and hosts of secrets: values that describe a secret', () => {
    for (const [line, file] of [
      ['CREDENTIALS_ID = "K8S_CRED"', 'Jenkinsfile'],
      ['secret_length = X25519.secret_length', 'crypto/params.txt'],
      ['LLM_SECRET_NAME = "NEXUS-GPT4-API-KEY"', 'deploy/settings.py'],
      ['vault_secret_path: "kv/data/team7/app-db"', 'values.yaml'],
      ['TOKEN_HOST=auth7.internal.example.io', '.env'],
      ['api_key: "svc-42.eu-west-1.amazonaws.com"', 'config.yaml'],
      ['secret = settings.apiToken2', 'app.cfg'],
      ['AUTH_TOKEN_HEADER="X-Auth-Token-V2"', '.env'],
      ['PASSWORD_FIELD = "user_password2"', 'forms.py'],
      ['SECRET_KEY_NAME="APP_SECRET_KEY_2"', '.env'],
    ] as const) {
      expect(findGenericSecrets(line, file), line).toEqual([]);
    }
    // A Vault AppRole secret_id is a secret even though it ends in "id".
    expect(findGenericSecrets(`VAULT_SECRET_ID=${random}`, '.env')).toHaveLength(1);
    // Names of secrets still count when the value is random.
    expect(findGenericSecrets(`DB_PASSWORD="${random}"`, 'settings.py')).toHaveLength(1);
  });

  it('judges values: random yes, UUID / integrity / low entropy no', () => {
    expect(looksLikeSecret(random)).toBe(true);
    expect(looksLikeSecret('123e4567-e89b-12d3-a456-426614174000')).toBe(false);
    expect(looksLikeSecret(join('sha512-', fake(ALNUM, 40), '=='))).toBe(false);
    expect(looksLikeSecret('aaaaaaaa1')).toBe(false);
  });

  it('yields to a specific rule on the same line', () => {
    const token = join('sk', '_live_', fake(ALNUM, 24));
    const findings = createScanner().scan({ file: 'config.env', text: `STRIPE_SECRET_KEY=${token} other_token="${random}"` });
    expect(findings.map((f) => f.ruleId)).toEqual(['stripe-secret-key']);
  });
});
