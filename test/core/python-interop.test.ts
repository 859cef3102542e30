import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptToken, encryptToken } from '../../src/core/fernet.js';
import { formatKey, generateKey, parseKey } from '../../src/core/key.js';
import { decrypt, encrypt } from '../../src/library.js';
import { pythonWithCryptography, runPython } from '../helpers/python.js';

// CI installs python3-cryptography (.ci/run); without it these interop proofs cannot run, and
// that must be loud rather than a silent skip.
const python = pythonWithCryptography();
if (!python && process.env.CI) throw new Error('python3 with cryptography is required in CI for the Fernet interop tests');

describe.skipIf(!python)('interop with Python cryptography.fernet', () => {
  const keyText = formatKey(generateKey(randomBytes));
  const samples = ['', 'x', 'DB_PASSWORD=hunter2\n', 'é ünïcode ✓\r\n', 'A'.repeat(1000), Buffer.from(randomBytes(64)).toString('latin1')];

  it('decrypts tokens made by Python', () => {
    const out = runPython(
      python!,
      `import sys, json, base64
from cryptography.fernet import Fernet
d = json.load(sys.stdin); f = Fernet(d["key"].encode())
print(json.dumps([f.encrypt(base64.b64decode(s)).decode() for s in d["samples"]]))`,
      { key: keyText, samples: samples.map((s) => Buffer.from(s, 'utf8').toString('base64')) },
    );
    const tokens = JSON.parse(out) as string[];
    tokens.forEach((token, i) => expect(decryptToken(parseKey(keyText), token).plaintext.toString('utf8')).toBe(samples[i]));
  });

  it('makes tokens Python decrypts', () => {
    const key = parseKey(keyText);
    const tokens = samples.map((s) => encryptToken(key, Buffer.from(s, 'utf8'), { now: Math.floor(Date.now() / 1000), iv: randomBytes(16) }));
    const out = runPython(
      python!,
      `import sys, json, base64
from cryptography.fernet import Fernet
d = json.load(sys.stdin); f = Fernet(d["key"].encode())
print(json.dumps([base64.b64encode(f.decrypt(t.encode())).decode() for t in d["tokens"]]))`,
      { key: keyText, tokens },
    );
    expect((JSON.parse(out) as string[]).map((b) => Buffer.from(b, 'base64').toString('utf8'))).toEqual(samples);
  });

  it('reads a whole-file .env.encrypted written by the Python SecretsManager', () => {
    const env = 'export API_KEY="abc def"\nDB_URL=postgres://u:p@h/db # main db\n\n# comment\nMULTI="line1\nline2"\n';
    const whole = runPython(
      python!,
      `import sys, json
from cryptography.fernet import Fernet
d = json.load(sys.stdin)
sys.stdout.write(Fernet(d["key"].encode()).encrypt(d["env"].encode()).decode())`,
      { key: keyText, env },
    );
    expect(decrypt(whole, keyText)).toBe(env);
    expect(decrypt(`${whole}\n`, keyText)).toBe(env);
  });

  it('writes files whose every token Python decrypts: whole form to the file, values form to each entry', () => {
    const env = 'A=1\nexport B="two words" # c\n# note\nC=\n';
    const whole = encrypt(env, keyText, { format: 'whole' });
    const values = encrypt(env, keyText);
    const out = runPython(
      python!,
      `import sys, json
from cryptography.fernet import Fernet
d = json.load(sys.stdin); f = Fernet(d["key"].encode())
tokens = [l.split("=fernet:", 1)[1] for l in d["values"].splitlines()[1:]]
print(json.dumps({"whole": f.decrypt(d["whole"].strip().encode()).decode(), "entries": [f.decrypt(t.encode()).decode() for t in tokens]}))`,
      { key: keyText, whole, values },
    );
    const parsed = JSON.parse(out) as { whole: string; entries: string[] };
    expect(parsed.whole).toBe(env);
    // Format v2: the comment travels inside the next entry's token, so the tokens in order are the file.
    expect(parsed.entries).toEqual(['A=1\n', 'export B="two words" # c\n', '# note\nC=\n']);
    expect(parsed.entries.join('')).toBe(env);
  });
});
