import { makePrivateDir, readText, removeFile } from '../io/read-file.js';
import path from 'node:path';
import { parseDotenv } from '../core/dotenv/parse.js';
import { isEnvguardError, failure } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { gitPath } from '../io/git.js';
import type { OpsContext } from './context.js';
import { ENV_OP_MESSAGES as M } from './env-messages.js';
import { currentEnvText, envTarget, writeEnvChange } from './env-change.js';

export interface EditResult {
  envName: string;
  envFile: string;
  encryptedFile: string;
  changed: boolean;
}

/**
 * `envguard edit`: the environment's text in the editor, then `.env` and `.env.encrypted` written
 * and staged. The editor works on a private copy under the git dir (named like the env file, for
 * syntax highlighting), so an editor that exits non-zero, or text that does not parse, changes
 * nothing. `openEditor` returns the editor's exit status.
 */
export function editEnv(ctx: OpsContext, input: { envName?: string }, openEditor: (file: string) => number): EditResult {
  const target = envTarget(ctx, input.envName);
  const { text, key, previous } = currentEnvText(target);
  const dir = gitPath(target.ctx.git, 'envguard/edit');
  makePrivateDir(dir);
  const copy = path.join(dir, path.basename(target.envFile));
  writeFileAtomic(copy, text, { mode: 0o600 });
  const result = { envName: target.envName, envFile: target.envFile, encryptedFile: target.encryptedFile };
  let keep = false;
  try {
    const status = openEditor(copy);
    if (status !== 0) throw failure('CANCELLED', M.editorFailed(status, target.envFile));
    const edited = readText(copy, 'run `envguard edit` again');
    if (edited === text) return { ...result, changed: false };
    try {
      parseDotenv(edited, target.envFile);
    } catch (error) {
      if (!isEnvguardError(error)) throw error;
      keep = true;
      throw failure(error.code, M.editInvalid(error.message, target.envFile, copy));
    }
    writeEnvChange(target, edited, key, previous);
    return { ...result, changed: true };
  } finally {
    if (!keep) removeFile(copy);
  }
}
