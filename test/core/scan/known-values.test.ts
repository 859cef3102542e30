import { describe, expect, it } from 'vitest';
import { isSearchableValue, knownValuePatterns } from '../../../src/core/scan/known-values.js';
import { createScanner } from '../../../src/core/scan/scanner.js';
import { ALNUM, fake, reseed } from './synthetic.js';

reseed(99);
const password = `${fake(ALNUM, 10)}/+&"é ${fake(ALNUM, 4)}`;
const known = [{ name: 'DB_PASSWORD', file: '.env', value: password }];
const scanner = createScanner({ knownValues: known, generic: false });
const scan = (text: string) => scanner.scan({ file: 'deploy/values.yaml', text });

describe('known values', () => {
  const encodings: Record<string, string> = {
    raw: password,
    base64: Buffer.from(password).toString('base64'),
    'base64 inside a larger blob': Buffer.from(`DB_PASSWORD=${password}\nOTHER=1`).toString('base64'),
    base64url: Buffer.from(password).toString('base64url'),
    'url-encoded': encodeURIComponent(password),
    'json-escaped': JSON.stringify(password).slice(1, -1),
  };
  for (const [encoding, text] of Object.entries(encodings)) {
    it(`finds the value ${encoding} and reports it by name only`, () => {
      const findings = scan(`key: ${text}\n`);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'known-value', line: 1, preview: 'DB_PASSWORD from .env' });
      expect(JSON.stringify(findings)).not.toContain(password);
      expect(JSON.stringify(findings)).not.toContain(text);
    });
  }

  it('reports the exact line and column', () => {
    const [finding] = scan(`a: 1\nb: x${password}\n`);
    expect(finding).toMatchObject({ line: 2, column: 5 });
  });

  it('skips values too short or too common to be secrets', () => {
    for (const value of ['true', 'localhost', '5432', '8080', '127.0.0.1', 'production', 'changeme', '${DB_PASS}', 'abc', 'https://api.internal/v1']) {
      expect(isSearchableValue('DB_PASSWORD', value), value).toBe(false);
    }
    expect(isSearchableValue('APP_NAME', 'my-service')).toBe(false);
    expect(isSearchableValue('DB_PASSWORD', 'hunter22')).toBe(true);
    expect(isSearchableValue('DB_PASSWORD', 'correct.horse.battery')).toBe(true);
    expect(isSearchableValue('SIGNING_SALT', fake(ALNUM, 16))).toBe(true);
    expect(knownValuePatterns([{ name: 'PORT', file: '.env', value: '3000' }])).toEqual([]);
  });
});

describe('which known values are looked for', () => {
  it('keeps sensitive values that contain todo, sample, …, %s or <…>', () => {
    for (const value of ['todo-Hunter-2024', 'sample-pass-93', 'pass…word42', 'pa%ssw0rd', 'my<pass>word']) {
      expect(isSearchableValue('DB_PASSWORD', value), value).toBe(true);
    }
  });

  it('counts names such as DB_PWD, REDIS_AUTH, SENTRY_DSN and SMTP_PASS', () => {
    for (const name of ['DB_PWD', 'REDIS_AUTH', 'SENTRY_DSN', 'SMTP_PASS', 'APP_SIGNING_SALT']) expect(isSearchableValue(name, 'hunter22'), name).toBe(true);
    expect(isSearchableValue('COMPASS_DIR', 'hunter22')).toBe(false);
  });

  it('looks for random values under any name, not for a greeting', () => {
    expect(isSearchableValue('BUILD_NONCE', fake(ALNUM, 24))).toBe(true);
    expect(isSearchableValue('WELCOME_MESSAGE', 'Welcome to our app!')).toBe(false);
    const greeting = createScanner({ knownValues: [{ name: 'WELCOME_MESSAGE', file: '.env', value: 'Welcome to our app!' }], generic: false });
    expect(greeting.scan({ file: 'test/app.test.ts', text: `expect(page).toContain('Welcome to our app!')` })).toEqual([]);
  });

  it('honours sensitiveNames and publicNames', () => {
    const values = [
      { name: 'MY_THING', file: '.env', value: 'plainwords' },
      { name: 'API_KEY', file: '.env', value: 'documented-demo-key' },
    ];
    const text = 'a = "plainwords"; b = "documented-demo-key"';
    const scanner = createScanner({ knownValues: values, generic: false, sensitivity: { sensitiveNames: ['my_thing'], publicNames: ['API_KEY'] } });
    expect(scanner.scan({ file: 'src/a.ts', text }).map((finding) => finding.preview)).toEqual(['MY_THING from .env']);
  });
});

describe('forms of a known value', () => {
  const value = `correct horse battery!(${fake(ALNUM, 4)})*`;
  const scanner = createScanner({ knownValues: [{ name: 'DB_PASSWORD', file: '.env', value }], generic: false });
  const forms: Record<string, string> = {
    'form encoding (+ for space)': value.replace(/ /g, '+').replace(/[!()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    'URLSearchParams': new URLSearchParams({ p: value }).toString().slice(2),
    'Python urllib.parse.quote': value.replace(/[ !()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`),
    'hex': Buffer.from(value).toString('hex'),
    'HEX': Buffer.from(value).toString('hex').toUpperCase(),
    'hex inside a longer hex dump': Buffer.from(`user=admin;pw=${value};`).toString('hex'),
    'base64 inside a longer string': Buffer.from(`admin:${value}`).toString('base64'),
    'shell single-quoted': `'${value.replace(/'/g, "'\\''")}'`,
    'shell backslashed': value.replace(/[^A-Za-z0-9_\-.,:/@%+=]/g, '\\$&'),
  };
  for (const [name, text] of Object.entries(forms)) {
    it(`finds it as ${name}`, () => {
      const findings = scanner.scan({ file: 'k8s/secret.yaml', text: `data: ${text}\n` });
      expect(findings.map((finding) => finding.ruleId)).toEqual(['known-value']);
    });
  }

  it('shares the list with masking: whatever the masker hides, the scan finds', async () => {
    const { secretForms } = await import('../../../src/core/secret-forms.js');
    for (const form of secretForms(value)) {
      expect(scanner.scan({ file: 'x.txt', text: `>${form.text}<` }).length, form.encoding).toBe(1);
    }
  });
});

describe('binary content', () => {
  it('finds a known value in bytes with NUL, not provider tokens', () => {
    const value = fake(ALNUM, 20);
    const scanner = createScanner({ knownValues: [{ name: 'API_TOKEN', file: 'services/api/.env', value }] });
    const bytes = Buffer.concat([Buffer.from([0, 1, 2, 0xff]), Buffer.from(`x${value}y ghp_${fake(ALNUM, 36)}`), Buffer.from([0])]);
    const findings = scanner.scan({ file: 'db.sqlite', text: '', bytes });
    expect(findings.map((finding) => [finding.ruleId, finding.preview])).toEqual([['known-value', 'API_TOKEN from services/api/.env']]);
  });

  it('finds a known value past a NUL beyond byte 8000', () => {
    const value = fake(ALNUM, 20);
    const scanner = createScanner({ knownValues: [{ name: 'API_TOKEN', file: '.env', value }] });
    const text = `${'a'.repeat(9000)}\u0000 ${value}`;
    expect(scanner.scan({ file: 'notes.txt', text }).map((finding) => finding.ruleId)).toEqual(['known-value']);
  });
});
