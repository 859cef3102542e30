import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createMasker, createMaskingStream, isSensitiveName, maskMode } from '../../../src/core/mask/index.js';

const SECRET = 'hunter2-Very$ecret/Pass word';
const API_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
const masker = createMasker([
  { name: 'DB_PASSWORD', value: SECRET },
  { name: 'STRIPE_KEY', value: API_KEY },
  { name: 'PIN_TOKEN', value: 'x9z' },
  { name: 'NODE_ENV', value: 'production' },
  { name: 'PORT', value: '3000' },
  { name: 'APP_URL', value: 'http://localhost:3000' },
  { name: 'DATABASE_URL', value: 'postgres://app:pw-9f8e7d6c@db.internal/app' },
]);

async function streamThrough(pieces: Buffer[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(pieces).pipe(createMaskingStream(masker))) out.push(chunk as Buffer);
  return Buffer.concat(out).toString('utf8');
}

describe('choosing what to mask', () => {
  it('treats names with PASSWORD, SECRET, KEY, TOKEN, PRIVATE, CREDENTIAL and listed names as sensitive', () => {
    for (const name of ['DB_PASSWORD', 'client_secret', 'API_KEY', 'GITHUB_TOKEN', 'PRIVATE_PEM', 'GCP_CREDENTIALS']) expect(isSensitiveName(name)).toBe(true);
    expect(isSensitiveName('NODE_ENV')).toBe(false);
    expect(isSensitiveName('pin', { sensitiveNames: ['PIN'] })).toBe(true);
  });

  it('masks every sensitive value, short ones as whole words, and ordinary values only when they look random', () => {
    expect(maskMode('DB_PWD', 'ab', undefined)).toBe('word');
    expect(maskMode('SMTP_PASS', 'Tr0ub4d', undefined)).toBe('anywhere');
    expect(maskMode('PIN_TOKEN', '7', undefined)).toBe('word');
    expect(maskMode('AUTH_ENABLED', 'true', undefined)).toBe('none');
    expect(maskMode('APP_NAME', 'abcdefgh', undefined)).toBe('none');
    expect(maskMode('WELCOME_MESSAGE', 'Welcome to our app!', undefined)).toBe('none');
    expect(maskMode('BUILD_ID', 'f3A9kQ2mZ7xW', undefined)).toBe('anywhere');
    for (const ordinary of ['production', 'localhost', '12345678', '3.14159265', 'TRUE', 'http://localhost:8080/health']) expect(maskMode('SOME_SETTING', ordinary, undefined)).toBe('none');
    expect(maskMode('CALLBACK', 'http://admin:pw@localhost:8080', undefined)).toBe('anywhere');
    expect(maskMode('API_KEY', 'abcdefgh', undefined, { publicNames: ['api_key'] })).toBe('none');
    expect(masker.maskedNames).toEqual(['DB_PASSWORD', 'STRIPE_KEY', 'PIN_TOKEN', 'DATABASE_URL']);
  });

  it('hides a short sensitive value as a whole word only', () => {
    const pins = createMasker([{ name: 'DB_PWD', value: '4711' }, { name: 'SMTP_PASS', value: 'Tr0ub4d' }]);
    expect(pins.mask('pin 4711, not 14711 or 4711a; pass=Tr0ub4d!')).toBe('pin ****, not 14711 or 4711a; pass=****!');
  });

  it('lets an explicit sensitive flag override the name', () => {
    const flagged = createMasker([{ name: 'PLAIN', value: 'abc', sensitive: true }, { name: 'API_KEY', value: 'longenoughvalue', sensitive: false }]);
    expect(flagged.mask('abc longenoughvalue')).toBe('**** longenoughvalue');
  });
});

describe('masking', () => {
  it('hides raw, JSON-escaped, URL-encoded and base64 forms', () => {
    const forms = [
      SECRET,
      JSON.stringify({ password: SECRET }),
      `postgres://u:${encodeURIComponent(SECRET)}@h/db`,
      new URLSearchParams({ p: SECRET }).toString(),
      Buffer.from(SECRET).toString('base64'),
      Buffer.from(SECRET).toString('base64url'),
      Buffer.from(`${SECRET}\n`).toString('base64'),
      `Authorization: Basic ${Buffer.from(`user:${SECRET}`).toString('base64')}`,
      `Basic ${Buffer.from(`me:${API_KEY}`).toString('base64')}`,
    ];
    for (const text of forms) {
      const masked = masker.mask(text);
      expect(masked).toContain('****');
      expect(masked).not.toContain(SECRET);
      expect(masked).not.toContain(API_KEY);
      // No run of 8 characters of any encoded form survives.
      for (const encoded of [SECRET, encodeURIComponent(SECRET), Buffer.from(SECRET).toString('base64')]) {
        for (let i = 0; i + 8 <= encoded.length; i++) expect(masked).not.toContain(encoded.slice(i, i + 8));
      }
    }
  });

  it('masks short sensitive values and leaves ordinary values alone', () => {
    expect(masker.mask('pin=x9z env=production port=3000 url=http://localhost:3000 ax9zb')).toBe('pin=**** env=production port=3000 url=http://localhost:3000 ax9zb');
    expect(masker.mask('connecting to postgres://app:pw-9f8e7d6c@db.internal/app')).toBe('connecting to ****');
  });

  it('hides a non-ASCII secret escaped as JSON does with ensure_ascii', () => {
    const unicode = createMasker([{ name: 'ADMIN_PASSWORD', value: 'pässwörd-😀' }]);
    // What Python's json.dumps prints for it.
    expect(unicode.mask('{"pw": "p\\u00e4ssw\\u00f6rd-\\ud83d\\ude00"}')).toBe('{"pw": "****"}');
  });

  it('keeps multi-byte text intact around secrets', () => {
    expect(masker.mask(`clé=${API_KEY} ✓ 😀`)).toBe('clé=**** ✓ 😀');
  });

  it('with no values returns the text unchanged', () => {
    expect(createMasker([]).mask('anything')).toBe('anything');
  });
});

describe('createMaskingStream', () => {
  it('masks secrets split across chunks, byte by byte and in large chunks', async () => {
    const text = Buffer.from(`start ${SECRET} middle ${Buffer.from(API_KEY).toString('base64')} ${'x'.repeat(100_000)} ${API_KEY} end é`);
    const expected = masker.mask(text.toString('utf8'));
    const byteByByte = await streamThrough(Array.from(text, (byte) => Buffer.from([byte])));
    const large = await streamThrough([text.subarray(0, 70_000), text.subarray(70_000)]);
    expect(byteByByte).toBe(expected);
    expect(large).toBe(expected);
    expect(expected).not.toContain(SECRET);
    expect(expected).not.toContain(API_KEY);
  });

  it('for arbitrary chunkings of text containing secrets equals masking the whole text', async () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(SECRET, API_KEY, 'x9z', Buffer.from(SECRET).toString('base64'), encodeURIComponent(API_KEY), SECRET.slice(0, 9), 'é😀'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 10 }), async (parts, rawCuts) => {
        const text = Buffer.from(parts.join(''), 'utf8');
        const cuts = [...new Set(rawCuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let from = 0;
        for (const cut of [...cuts, text.length]) {
          chunks.push(text.subarray(from, cut));
          from = cut;
        }
        expect(await streamThrough(chunks)).toBe(masker.mask(text.toString('utf8')));
      }),
      { numRuns: 300 },
    );
  });
});
