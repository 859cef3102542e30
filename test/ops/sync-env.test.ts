import { afterEach, describe, expect, it } from 'vitest';
import { syncEnvFile } from '../../src/ops/sync-env.js';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';

/** The checkout hooks' use case in-process: `.env` follows the encrypted file and local edits are never lost. */
describe('syncEnvFile', () => {
  let project: EnvProject;
  afterEach(() => project?.repo.cleanup());
  const incoming = (text: string) => project.repo.write('.env.encrypted', project.encrypt(text));
  const sync = (extraEnv?: NodeJS.ProcessEnv) => syncEnvFile(project.ctx(extraEnv), '.env.encrypted', project.stateDir);

  it('writes an untouched .env, and reports nothing new the second time', () => {
    project = createEnvProject('A=1\n');
    incoming('A=2\n');
    expect(sync()).toEqual({ kind: 'written', envFile: '.env' });
    expect(project.repo.read('.env')).toBe('A=2\n');
    expect(sync()).toEqual({ kind: 'unchanged', envFile: '.env' });
  });

  it('merges an incoming change with a local edit of another variable', () => {
    project = createEnvProject('A=1\nB=1\n');
    project.repo.write('.env', 'A=3\nB=1\n');
    incoming('A=1\nB=2\n');
    expect(sync()).toEqual({ kind: 'merged', envFile: '.env', keptLocal: ['A'] });
    expect(project.repo.read('.env')).toBe('A=3\nB=2\n');
  });

  it('keeps a conflicting local edit and writes the incoming version beside it', () => {
    project = createEnvProject('A=1\nB=1\n');
    project.repo.write('.env', 'A=3\nB=1\n');
    incoming('A=2\nB=1\n');
    expect(sync()).toEqual({ kind: 'conflict', envFile: '.env', incomingFile: '.env.incoming', conflicts: ['A'] });
    expect(project.repo.read('.env')).toBe('A=3\nB=1\n');
    expect(project.repo.read('.env.incoming')).toBe('A=2\nB=1\n');
  });

  it('keeps a local .env that does not parse and writes the incoming version beside it', () => {
    project = createEnvProject('A=1\n');
    project.repo.write('.env', 'A="unterminated\n');
    incoming('A=2\n');
    expect(sync()).toMatchObject({ kind: 'kept-local', incomingFile: '.env.incoming' });
    expect(project.repo.read('.env')).toBe('A="unterminated\n');
  });

  it('without a key writes no ciphertext into .env and says how to get the key', () => {
    project = createEnvProject('A=1\n');
    incoming('A=2\n');
    const outcome = sync({ ENVGUARD_KEY: '' });
    expect(outcome).toMatchObject({ kind: 'no-key', envFile: '.env' });
    expect(project.repo.read('.env')).toBe('A=1\n');
  });
});
