import path from 'node:path';
import { decryptEncryptedFile, parseEncryptedFile } from '../core/encrypted-file.js';
import { envNameOf } from '../core/env-files.js';
import { sha256 } from '../core/sha256.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readPreMergeRecords, removePreMergeDirIfEmpty, removePreMergeRecord } from '../io/pre-merge-record.js';
import { readTextIfExists } from '../io/read-file.js';
import type { OpsContext } from './context.js';
import { MERGE_MESSAGES } from './merge-messages.js';

/**
 * After a merge with an env-file conflict ends without a commit (`git merge --abort`, `git reset
 * --hard`), `.env` still holds the conflict view, and dotenv would load the other branch's value
 * from it: put back what it held before the merge. A merge still in progress is left alone; a
 * `.env` the user has changed since (resolved, edited) is theirs and stays. Returns the files restored.
 */
export function restoreAbortedMergeViews(ctx: OpsContext): string[] {
  const records = readPreMergeRecords(ctx.repo.gitDir);
  if (records.length === 0) return [];
  const head = ctx.git.exec(['rev-parse', '-q', '--verify', 'HEAD'], { okCodes: [1, 128] }).stdout.toString('utf8').trim();
  const restored: string[] = [];
  for (const { file, record } of records) {
    if (record && record.head === head && stillMerging(ctx, `${record.envFile}.encrypted`)) continue;
    removePreMergeRecord(file);
    // HEAD moved: the merge was committed or left; what .env holds is the user's to resolve.
    if (!record || record.head !== head) continue;
    const envPath = path.join(ctx.repo.root, record.envFile);
    const now = readTextIfExists(envPath);
    if (now === undefined || sha256(now) !== record.viewSha256) continue;
    const key = ctx.keys.current(envNameOf(record.envFile));
    if (!key) {
      ctx.log.warn(MERGE_MESSAGES.abortedNoKey(record.envFile));
      continue;
    }
    const encryptedFile = `${record.envFile}.encrypted`;
    writeFileAtomic(envPath, decryptEncryptedFile(parseEncryptedFile(record.encrypted, encryptedFile), key.key, encryptedFile), { mode: 0o600 });
    ctx.log.info(MERGE_MESSAGES.abortedRestored(record.envFile));
    restored.push(record.envFile);
  }
  removePreMergeDirIfEmpty(ctx.repo.gitDir);
  return restored;
}

/**
 * Whether the merge of `encryptedFile` is still open. During it the file is unmerged in the
 * index, or staged as something other than HEAD's (a resolution under way). `git merge --abort`
 * and `git reset --hard` put HEAD's version back in the index: then it is over. (MERGE_HEAD says
 * neither: git writes it after the conflicted index, and removes it after the abort's.)
 */
function stillMerging(ctx: OpsContext, encryptedFile: string): boolean {
  const ids = ctx.git.exec(['rev-parse', `:${encryptedFile}`, `HEAD:${encryptedFile}`], { okCodes: [1, 128] });
  if (ids.status !== 0) return true;
  const [staged, committed] = ids.stdout.toString('utf8').trim().split('\n');
  return staged !== committed;
}
