import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { decryptEncryptedFile, encryptDocument, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { formatKey, generateKey, shortKeyId } from '../../src/core/key.js';
import { missingKeyError } from '../../src/io/key-store.js';
import { StagedBlobs } from '../../src/io/staged-blobs.js';
import { writeSyncState } from '../../src/io/sync-state.js';
import { encryptForCommit } from '../../src/ops/pre-commit/encrypt-for-commit.js';
import { preCommit } from '../../src/ops/pre-commit/pre-commit.js';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';

/**
 * The encryption pass of pre-commit in the situations git puts a repository in (a fresh clone,
 * a second run after "nothing to commit", `git reset`, a conflicted merge staged by hand, a base
 * this machine can no longer read), asserted by what the developer sees: the refusal code and
 * text, what is staged, the `.env` left behind.
 */
describe('preCommit encryption pass', () => {
  let project: EnvProject;
  afterEach(() => project?.repo.cleanup());
  const run = (extraEnv?: NodeJS.ProcessEnv) => preCommit(project.ctx(extraEnv), project.stateDir);
  const brief = (result: ReturnType<typeof run>) => result.refusals.map((problem) => `${problem.code} ${problem.file}`);
  const staged = () => project.repo.git('show', ':.env.encrypted');
  const decrypt = (text: string) => decryptEncryptedFile(parseEncryptedFile(text, '.env.encrypted'), project.key, '.env.encrypted');
  const tokenOf = (text: string, name: string) => new RegExp(`^${name}=fernet:(\\S+)$`, 'm').exec(text)?.[1];
  const forgetState = () => rmSync(project.stateDir, { recursive: true, force: true });
  const stagedNames = () => project.repo.git('diff', '--cached', '--name-only').trim();

  it('on a fresh clone, a .env that matches the committed file stages nothing', () => {
    project = createEnvProject('A=a1\n');
    forgetState();
    const before = project.repo.read('.env.encrypted');
    const result = run();
    expect(result).toMatchObject({ staged: [], refusals: [] });
    expect(stagedNames()).toBe('');
    expect(project.repo.read('.env.encrypted')).toBe(before);
  });

  it('on a fresh clone, an edited .env is encrypted and staged as it is', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    forgetState();
    project.repo.write('.env', 'A=a1\nB=b-mine\n');
    const result = run();
    expect(result).toMatchObject({ staged: ['.env.encrypted'], refusals: [] });
    expect(decrypt(staged())).toBe('A=a1\nB=b-mine\n');
  });

  it('re-encrypts and stages an encrypted file that was removed from the index', () => {
    project = createEnvProject('A=a1\n');
    project.repo.git('rm', '-q', '--cached', '.env.encrypted');
    project.repo.write('.env', 'A=a2\n');
    const result = run();
    expect(result).toMatchObject({ staged: ['.env.encrypted'], refusals: [] });
    expect(decrypt(staged())).toBe('A=a2\n');
  });

  it('refuses once a staged encrypted file edited by hand, even with .env untouched, and keeps the edit', () => {
    project = createEnvProject('A=a1\n');
    const edited = `${project.repo.read('.env.encrypted')}PASTED=plain-value\n`;
    project.repo.write('.env.encrypted', edited);
    project.repo.git('add', '.env.encrypted');
    const result = run();
    expect(result.refusals).toEqual([{ code: 'FORMAT_INVALID', file: '.env.encrypted', message: expect.stringMatching(/^\.env\.encrypted:3: /), hint: expect.any(String) }]);
    expect(result.staged).toEqual([]);
    expect(project.repo.read('.env.encrypted')).toBe(edited);
    expect(JSON.stringify(result)).not.toContain('plain-value');
  });

  /** A staged encrypted file with git's conflict markers around the A line (B unchanged on both sides). */
  const stageConflict = () => {
    const ours = project.encrypt('A=a-ours\nB=b1\n');
    const theirs = project.encrypt('A=a-theirs\nB=b1\n');
    const [header, oursA, b] = ours.split('\n');
    const theirsA = theirs.split('\n')[1];
    project.repo.write('.env.encrypted', `${header}\n<<<<<<< HEAD\n${oursA}\n=======\n${theirsA}\n>>>>>>> other\n${b}\n`);
    project.repo.git('add', '.env.encrypted');
    return { bToken: tokenOf(ours, 'B') };
  };

  it('resolves a conflicted encrypted file from .env, keeping the tokens of unchanged variables', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    const { bToken } = stageConflict();
    project.repo.write('.env', 'A=a-resolved\nB=b1\n');
    const result = run();
    expect(result).toMatchObject({ staged: ['.env.encrypted'], refusals: [] });
    expect(decrypt(staged())).toBe('A=a-resolved\nB=b1\n');
    expect(tokenOf(staged(), 'B')).toBe(bToken);
  });

  it('re-encrypts over conflict markers even when .env is as last synced', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    stageConflict();
    const result = run();
    expect(result).toMatchObject({ staged: ['.env.encrypted'], refusals: [] });
    expect(decrypt(staged())).toBe('A=a1\nB=b1\n');
  });

  it('without a key, a conflicted encrypted file is refused as unresolved beside the missing key', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    stageConflict();
    project.repo.write('.env', 'A=a-resolved\nB=b1\n');
    const result = run({ ENVGUARD_KEY: '' });
    expect(result.refusals).toEqual([
      { code: 'KEY_MISSING', file: '.env', message: '.env has changes but there is no key to encrypt them', hint: missingKeyError('default').hint },
      { code: 'CONFLICT', file: '.env.encrypted', message: 'unresolved merge conflict', hint: 'resolve it in .env, then `git add .env.encrypted` and commit again' },
    ]);
    expect(result.staged).toEqual([]);
  });

  it('a conflicted encrypted file under another key is a key mismatch, not re-encrypted under mine', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    const { keyId } = parseEncryptedFile(project.repo.read('.env.encrypted'), 'x') as { keyId: string };
    stageConflict();
    project.repo.write('.env', 'A=a-resolved\nB=b1\n');
    const result = run({ ENVGUARD_KEY: formatKey(generateKey(randomBytes)) });
    // One refusal: the staged-file checks used to add 'unresolved merge conflict' for the same file.
    expect(brief(result)).toEqual(['KEY_MISMATCH .env.encrypted']);
    expect(result.refusals[0]?.message).toMatch(new RegExp(`^cannot encrypt \\.env: .*${keyId}`));
    expect(result.staged).toEqual([]);
  });

  it('reports every refusal: .env with conflict markers and a staged encrypted file holding the key', () => {
    project = createEnvProject('A=a1\n');
    const text = project.repo.read('.env.encrypted').replace(/^# envguard:v2 (key=[0-9a-f]{16}) .*\n/, (_line, key: string) => `# envguard:v1 ${key} (Fernet tokens, one per variable: edit .env, then run envguard encrypt)\n`);
    project.repo.write('.env.encrypted', `${text}# ${formatKey(project.key)}\n`);
    project.repo.git('add', '.env.encrypted');
    project.repo.write('.env', '<<<<<<< HEAD\nA=a2\n=======\nA=a3\n>>>>>>> other\n');
    const result = run();
    expect(result.refusals).toEqual([
      { code: 'CONFLICT', file: '.env', message: '.env still has merge conflict markers', hint: 'edit .env to keep one line per variable, then commit again' },
      expect.objectContaining({ code: 'SECRET_FOUND', file: '.env.encrypted' }),
    ]);
    expect(JSON.stringify(result)).not.toContain(formatKey(project.key));
  });

  it('refuses while .env.incoming waits, saying how to merge it by hand', () => {
    project = createEnvProject('A=a1\n');
    project.repo.write('.env', 'A=a2\n');
    project.repo.write('.env.incoming', 'A=a3\n');
    expect(run().refusals).toEqual([
      { code: 'CONFLICT', file: '.env', message: '.env.incoming is waiting to be merged into .env', hint: 'merge .env.incoming into .env by hand, delete .env.incoming, then commit again' },
    ]);
  });

  it('a second run after "nothing to commit" stages nothing new, and a further edit is encrypted with no conflict', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    project.repo.write('.env', 'A=a2\nB=b1\n');
    expect(run()).toMatchObject({ staged: ['.env.encrypted'], refusals: [] });
    const first = staged();
    expect(run()).toMatchObject({ staged: [], refusals: [] });
    expect(staged()).toBe(first);
    project.repo.write('.env', 'A=a3\nB=b1\n');
    const third = run();
    expect(third).toMatchObject({ staged: ['.env.encrypted'], refusals: [] });
    expect(decrypt(staged())).toBe('A=a3\nB=b1\n');
    expect(project.repo.read('.env')).toBe('A=a3\nB=b1\n');
    expect(project.exists('.env.incoming')).toBe(false);
  });

  it('after `git reset` unstaged what it staged, the next run stages .env\'s change again', () => {
    project = createEnvProject('A=a1\n');
    project.repo.write('.env', 'A=a2\n');
    expect(run().staged).toEqual(['.env.encrypted']);
    project.repo.git('reset', '-q');
    project.repo.git('checkout', '-q', '--', '.env.encrypted');
    expect(stagedNames()).toBe('');
    expect(run()).toMatchObject({ staged: ['.env.encrypted'], refusals: [] });
    expect(decrypt(staged())).toBe('A=a2\n');
  });

  it('after `git reset HEAD~` (index older than the synced file), .env wins with no merge', () => {
    project = createEnvProject('A=a1\n');
    const second = project.encrypt('A=a2\n');
    project.repo.write('.env.encrypted', second);
    project.repo.git('commit', '-qam', 'second');
    writeSyncState(project.stateDir, '.env', 'A=a2\n', second);
    project.repo.write('.env', 'A=a2\n');
    project.repo.git('reset', '-q', 'HEAD~');
    project.repo.write('.env', 'A=a3\n');
    const result = run();
    expect(result).toMatchObject({ staged: ['.env.encrypted'], refusals: [] });
    expect(decrypt(staged())).toBe('A=a3\n');
    expect(project.exists('.env.incoming')).toBe(false);
    expect(result.warnings.join('\n')).not.toContain('merged');
  });

  it('refuses a file git brought in that does not decrypt, rather than encrypting over it', () => {
    project = createEnvProject('A=a1\n');
    const text = project.encrypt('A=a2\n').replace(/=fernet:(.{20})/, (_all, head: string) => `=fernet:${head.slice(0, -2)}${head.endsWith('AA') ? 'BB' : 'AA'}`);
    project.repo.write('.env.encrypted', text);
    project.repo.git('add', '.env.encrypted');
    project.repo.write('.env', 'A=a-mine\n');
    const result = run();
    // Said once, naming the damaged line (the staged-file checks said it again before).
    expect(result.refusals).toEqual([{ code: 'DECRYPT_FAILED', file: '.env.encrypted', message: expect.stringMatching(/^\.env\.encrypted:2: /), hint: 'restore it with `git checkout HEAD -- .env.encrypted`' }]);
    expect(result.staged).toEqual([]);
    expect(project.repo.read('.env')).toBe('A=a-mine\n');
  });

  it('when the last-synced base no longer decrypts here, .env wins over what git brought, with no merge', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    writeSyncState(project.stateDir, '.env', 'A=a1\nB=b1\n', encryptDocument(parseDotenv('A=a1\nB=b1\n'), generateKey(randomBytes), { now: 1, random: randomBytes }));
    project.repo.write('.env.encrypted', project.encrypt('A=a1\nB=b-git\n'));
    project.repo.git('add', '.env.encrypted');
    project.repo.write('.env', 'A=a-mine\nB=b1\n');
    const result = run();
    expect(result).toMatchObject({ staged: ['.env.encrypted'], refusals: [] });
    expect(decrypt(staged())).toBe('A=a-mine\nB=b1\n');
  });

  it('a .env that does not parse while git brought a change is refused by its line, nothing written', () => {
    project = createEnvProject('A=a1\n');
    project.repo.write('.env.encrypted', project.encrypt('A=a2\n'));
    project.repo.git('add', '.env.encrypted');
    project.repo.write('.env', 'A="unterminated\n');
    const result = run();
    expect(result.refusals).toEqual([{ code: 'PARSE_ERROR', file: '.env', message: expect.stringMatching(/^\.env:1: expected /), hint: expect.stringMatching(/^edit line 1 of \.env/) }]);
    expect(project.repo.read('.env')).toBe('A="unterminated\n');
    expect(project.exists('.env.incoming')).toBe(false);
  });

  it('a .env that does not parse is refused with the parser\'s own hint', () => {
    project = createEnvProject('A=a1\n');
    project.repo.write('.env', 'A=a1\nB="unterminated\n');
    expect(run().refusals).toEqual([{ code: 'PARSE_ERROR', file: '.env', message: expect.stringMatching(/^\.env:2: expected /), hint: expect.stringMatching(/^edit line 2 of \.env/) }]);
  });

  it('names every variable both sides changed, and keeps the incoming version beside .env', () => {
    project = createEnvProject('A=a1\nB=b1\nC=c1\n');
    project.repo.write('.env.encrypted', project.encrypt('A=a-git\nB=b-git\nC=c1\n'));
    project.repo.git('add', '.env.encrypted');
    project.repo.write('.env', 'A=a-mine\nB=b-mine\nC=c1\n');
    const result = run();
    expect(result.refusals).toEqual([
      {
        code: 'CONFLICT',
        file: '.env',
        message: '.env.encrypted changed since .env was last decrypted, and both change A, B; the staged version is in .env.incoming',
        hint: 'merge .env.incoming into .env by hand, delete .env.incoming, then commit again',
      },
    ]);
    expect(project.repo.read('.env.incoming')).toBe('A=a-git\nB=b-git\nC=c1\n');
    expect(JSON.stringify(result)).not.toMatch(/a-git|b-git|a-mine|b-mine/);
  });

  it('a plain commit leaves .env itself alone; a merge rewrites it 0600 and says so', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    const envPath = path.join(project.repo.dir, '.env');
    project.repo.write('.env', 'A=a1\nB=b-mine\n');
    const before = statSync(envPath);
    const plain = run();
    expect(plain.staged).toEqual(['.env.encrypted']);
    expect(plain.warnings.join('\n')).not.toContain('merged those changes');
    const after = statSync(envPath);
    expect([after.ino, after.mode, after.mtimeMs]).toEqual([before.ino, before.mode, before.mtimeMs]);

    project.repo.git('commit', '-qm', 'mine');
    writeSyncState(project.stateDir, '.env', 'A=a1\nB=b-mine\n', staged());
    project.repo.write('.env.encrypted', project.encrypt('A=a-git\nB=b-mine\n'));
    project.repo.git('add', '.env.encrypted');
    project.repo.write('.env', 'A=a1\nB=b-mine2\n');
    const merged = run();
    expect(merged).toMatchObject({ staged: ['.env.encrypted'], refusals: [] });
    expect(merged.warnings.join('\n')).toContain('merged those changes');
    expect(project.repo.read('.env')).toBe('A=a-git\nB=b-mine2\n');
    expect(statSync(envPath).mode & 0o777).toBe(0o600);
  });

  it('new tokens carry the time of the commit in seconds (what replay checks compare)', () => {
    project = createEnvProject('A=a1\n');
    project.repo.write('.env', 'A=a2\n');
    const now = new Date('2031-05-06T07:08:09Z');
    const ctx = project.ctx();
    ctx.now = () => now;
    preCommit(ctx, project.stateDir);
    const token = Buffer.from(tokenOf(staged(), 'A') ?? '', 'base64url');
    expect(Number(token.readBigUInt64BE(1))).toBe(now.getTime() / 1000);
    expect(shortKeyId(project.key)).toBe((parseEncryptedFile(staged(), 'x') as { keyId: string }).keyId);
  });

  it('says per file what it did: nothing for a missing, untouched or already staged .env, encrypted for an edit', () => {
    project = createEnvProject('A=a1\n');
    const outcome = () => {
      const ctx = project.ctx();
      return encryptForCommit(ctx, new StagedBlobs(ctx.git, undefined), '.env', project.stateDir);
    };
    expect(outcome()).toEqual({ kind: 'unchanged' });
    rmSync(path.join(project.repo.dir, '.env'));
    expect(outcome()).toEqual({ kind: 'unchanged' });
    project.repo.write('.env', 'A=a2\n');
    const encrypted = outcome();
    expect(encrypted).toEqual({ kind: 'encrypted', encryptedFile: '.env.encrypted', text: project.repo.read('.env.encrypted'), merged: false });
    project.repo.git('add', '.env.encrypted');
    // Staged by the run before (the commit did not happen): nothing new to encrypt.
    expect(outcome()).toEqual({ kind: 'unchanged' });
    // A fresh clone whose .env matches the staged file.
    forgetState();
    expect(outcome()).toEqual({ kind: 'unchanged' });
  });
});
