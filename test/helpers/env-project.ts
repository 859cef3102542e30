import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptDocument, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { formatKey, generateKey, type FernetKey } from '../../src/core/key.js';
import { bindGit, type Git } from '../../src/io/git.js';
import { stateDirIn, writeSyncState } from '../../src/io/sync-state.js';
import { defaultContext, type OpsContext } from '../../src/ops/context.js';
import { createTempRepo, type TempRepo } from './temp-repo.js';

/**
 * A real temp repository with a `.env` that envguard encrypted, committed and remembers as synced
 * (what `init` leaves), for in-process use-case tests. The key comes from ENVGUARD_KEY.
 */
export interface EnvProject {
  repo: TempRepo;
  key: FernetKey;
  /** A fresh context (as each hook run builds one); `extraEnv` is laid over the repo's environment. */
  ctx(extraEnv?: NodeJS.ProcessEnv): OpsContext;
  /** A fresh context whose git records every call it is asked to make (its arguments, joined by spaces). */
  countingCtx(): { ctx: OpsContext; calls: string[] };
  stateDir: string;
  /** The encrypted text of `.env` content, reusing the tokens of the committed file. */
  encrypt(plaintext: string): string;
  exists(file: string): boolean;
}

export function createEnvProject(plaintext: string): EnvProject {
  const repo = createTempRepo();
  const key = generateKey(randomBytes);
  const ctx = (extraEnv: NodeJS.ProcessEnv = {}) => defaultContext({ cwd: repo.dir, env: { ...repo.env, ENVGUARD_KEY: formatKey(key), ...extraEnv } });
  const countingCtx = () => {
    const calls: string[] = [];
    const env = { ...repo.env, ENVGUARD_KEY: formatKey(key) };
    const real = bindGit(repo.dir, env);
    const git: Git = {
      exec: (args, options) => (calls.push(args.join(' ')), real.exec(args, options)),
      text: (args, options) => (calls.push(args.join(' ')), real.text(args, options)),
      linesZ: (args, options) => (calls.push(args.join(' ')), real.linesZ(args, options)),
    };
    return { ctx: defaultContext({ cwd: repo.dir, env, git }), calls };
  };
  const stateDir = stateDirIn(path.join(repo.dir, '.git'));
  const encrypt = (text: string) => {
    const previous = existsSync(path.join(repo.dir, '.env.encrypted')) ? parseEncryptedFile(repo.read('.env.encrypted'), '.env.encrypted') : undefined;
    return encryptDocument(parseDotenv(text), key, { now: Math.floor(Date.now() / 1000), random: randomBytes, previous });
  };
  repo.write('.gitignore', '.env\n.env.incoming\n');
  repo.write('.env', plaintext);
  const encrypted = encrypt(plaintext);
  repo.write('.env.encrypted', encrypted);
  writeSyncState(stateDir, '.env', plaintext, encrypted);
  repo.git('add', '.gitignore', '.env.encrypted');
  repo.git('commit', '-qm', 'envguard init');
  return { repo, key, ctx, countingCtx, stateDir, encrypt, exists: (file) => existsSync(path.join(repo.dir, file)) };
}
