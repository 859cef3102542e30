import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptDocument, encryptWhole } from '../../src/core/encrypted-file.js';
import { stagedPlaintextFix } from '../../src/core/env-file-kind.js';
import { formatKey, generateKey } from '../../src/core/key.js';
import { preCommit } from '../../src/ops/pre-commit/pre-commit.js';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';

/**
 * pre-commit's checks of what is staged besides `.env`: key files and plaintext env files by
 * name, and encrypted files that no `.env` beside them re-encrypts (checked as they are).
 */
describe('preCommit staged-file checks', () => {
  let project: EnvProject;
  afterEach(() => project?.repo.cleanup());
  const run = (extraEnv?: NodeJS.ProcessEnv) => preCommit(project.ctx(extraEnv), project.stateDir);
  const stage = (file: string, content: string) => {
    project.repo.write(file, content);
    project.repo.git('add', '-f', '--', file);
  };
  const now = Math.floor(Date.now() / 1000);
  const flip = (head: string) => `${head.slice(0, -2)}${head.endsWith('AA') ? 'BB' : 'AA'}`;
  const damaged = (text: string) => text.replace(/=fernet:(.{20})/, (_all, head: string) => `=fernet:${flip(head)}`);

  it('refuses key files by name, at the top or in a folder, each with how to unstage it', () => {
    project = createEnvProject('A=a1\n');
    const keyFiles = ['.env.keys', '.env.vault.key', 'envguard.key', '.envguard-key', '.envguard.key', 'app.fernet', 'deploy/app.fernet.key', 'ops/.env.keys'];
    for (const file of keyFiles) stage(file, 'not really a key\n');
    const refusals = run().refusals.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? ''));
    expect(refusals).toEqual(
      [...keyFiles].sort().map((file) => ({ code: 'PLAINTEXT_STAGED', file, message: 'a key file is staged', hint: `git rm --cached -- '${file}', and keep keys in the key store (envguard key import)` })),
    );
  });

  it('lets through files whose names only look like key files', () => {
    project = createEnvProject('A=a1\n');
    for (const file of ['docs/about.fernet.md', 'envguard.keynote', 'app.fernet.key.txt', 'my.env.keys.md']) stage(file, 'notes\n');
    expect(run().refusals).toEqual([]);
  });

  it('refuses a staged plaintext env file with the fix for its kind', () => {
    project = createEnvProject('A=a1\n');
    stage('config/.env.local', 'X=local-secret\n');
    expect(run().refusals).toEqual([{ code: 'PLAINTEXT_STAGED', file: 'config/.env.local', message: 'a plaintext env file is staged', hint: stagedPlaintextFix('config/.env.local') }]);
  });

  it('checks an encrypted file staged without its .env: conflict markers and hand edits by their own code and line', () => {
    project = createEnvProject('A=a1\n');
    rmSync(path.join(project.repo.dir, '.env'));
    const text = project.repo.read('.env.encrypted');
    const [header, entry] = text.split('\n');
    stage('.env.encrypted', `${header}\n<<<<<<< HEAD\n${entry}\n=======\n${entry}\n>>>>>>> other\n`);
    expect(run().refusals).toEqual([
      { code: 'CONFLICT', file: '.env.encrypted', message: '.env.encrypted:2: unresolved merge conflict marker', hint: 'resolve the conflict in the decrypted .env, then run `envguard encrypt` and `git add` the encrypted file' },
    ]);
    stage('.env.encrypted', `${text}PASTED=plain-value\n`);
    const result = run();
    expect(result.refusals).toEqual([{ code: 'FORMAT_INVALID', file: '.env.encrypted', message: expect.stringMatching(/^\.env\.encrypted:3: /), hint: expect.any(String) }]);
    expect(JSON.stringify(result)).not.toContain('plain-value');
  });

  it('checks a staged encrypted file with the key at hand: a damaged token, or the key pasted in, each with its fix', () => {
    project = createEnvProject('A=a1\n');
    rmSync(path.join(project.repo.dir, '.env'));
    stage('.env.encrypted', damaged(project.repo.read('.env.encrypted')));
    expect(run().refusals).toEqual([{ code: 'DECRYPT_FAILED', file: '.env.encrypted', message: expect.stringMatching(/^\.env\.encrypted:2: /), hint: expect.any(String) }]);
    // A legacy whole-file token is checked too.
    const whole = encryptWhole('A=a1\n', project.key, { now: now + 5, random: randomBytes });
    stage('.env.encrypted', `${flip(whole.slice(0, 20))}${whole.slice(20)}\n`);
    expect(run().refusals.map((problem) => `${problem.code} ${problem.file}`)).toEqual(['DECRYPT_FAILED .env.encrypted']);
    const v1 = project.encrypt('A=a1\n').replace(/^# envguard:v2 (key=[0-9a-f]{16}) .*\n/, (_line, key: string) => `# envguard:v1 ${key} (Fernet tokens, one per variable: edit .env, then run envguard encrypt)\n`);
    stage('.env.encrypted', `${v1}# ${formatKey(project.key)}\n`);
    const result = run();
    expect(result.refusals).toEqual([{ code: 'SECRET_FOUND', file: '.env.encrypted', message: 'the key itself is in the encrypted file', hint: 'git checkout -- .env.encrypted && envguard encrypt' }]);
    expect(JSON.stringify(result)).not.toContain(formatKey(project.key));
  });

  it('cannot check tokens without the file\'s key: a file under another key, or no key at all, passes', () => {
    project = createEnvProject('A=a1\n');
    rmSync(path.join(project.repo.dir, '.env'));
    stage('.env.encrypted', encryptDocument(parseDotenv('A=rotated\n'), generateKey(randomBytes), { now: now + 5, random: randomBytes }));
    expect(run().refusals).toEqual([]);
    stage('.env.encrypted', damaged(project.repo.read('.env.encrypted')));
    expect(run({ ENVGUARD_KEY: '' }).refusals).toEqual([]);
  });
});
