import path from 'node:path';
import { parseDotenv } from '../core/dotenv/parse.js';
import { serializeDotenv } from '../core/dotenv/serialize.js';
import { decryptEncryptedFile, encryptDocument, parseEncryptedFile, type EncryptedFile } from '../core/encrypted-file.js';
import type { EnvDocument } from '../core/dotenv/types.js';
import { envNameOf, incomingPathFor } from '../core/env-files.js';
import { shortKeyId } from '../core/key.js';
import { STRUCTURE_CONFLICT, mergeEnvDocuments } from '../core/merge-env.js';
import { sha256 } from '../core/sha256.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { savePreMergeRecord } from '../io/pre-merge-record.js';
import { readText, readTextIfExists } from '../io/read-file.js';
import type { Problem } from '../problem.js';
import type { Wording } from '../errors.js';
import type { OpsContext } from './context.js';
import { MERGE_MESSAGES } from './merge-messages.js';

/** The three versions git hands a merge driver (%O %A %B) and the path it merges (%P). */
export interface EncryptedMergeRequest {
  basePath: string;
  /** Also where the result goes. */
  oursPath: string;
  theirsPath: string;
  displayPath: string;
}

/** Clean: the merged file is in `oursPath`. Otherwise what stopped it, with the fix. */
export interface EncryptedMergeResult {
  clean: boolean;
  problems: Problem[];
}

/**
 * The git merge driver for `.env.encrypted` (`merge.envguard.driver = envguard hook merge-driver
 * %O %A %B %P`): a three-way merge per variable on decrypted values, re-encrypted with token reuse
 * so untouched lines stay byte-identical. The result goes to %A; exit 0 when clean.
 *
 * A real conflict leaves conflict markers around the conflicting variables' lines in the
 * encrypted file (names and tokens only, never plaintext in a tracked file) and a decrypted
 * conflict view in the git-ignored `.env`.
 */
export function mergeEncryptedFile(ctx: OpsContext, request: EncryptedMergeRequest): EncryptedMergeResult {
  const { basePath, oursPath, theirsPath, displayPath } = request;
  const envFile = displayPath.replace(/\.encrypted$/, '');
  const resolved = ctx.keys.current(envNameOf(envFile));
  const read = (p: string) => parseEncryptedFile(readText(p, 'git passes the merge driver the paths of its three versions'), displayPath);
  const ours = read(oursPath);
  const theirs = read(theirsPath);
  const baseText = readTextIfExists(basePath);
  const base = baseText && baseText.trim() ? read(basePath) : undefined;
  if (!resolved) {
    return refused('KEY_MISSING', displayPath, MERGE_MESSAGES.noKeyToMerge());
  }
  const key = resolved.key;
  const keyId = shortKeyId(key);
  if ([ours, theirs].some((f) => f.format === 'values' && f.keyId !== keyId)) {
    return refused('KEY_MISMATCH', displayPath, MERGE_MESSAGES.sidesUnderOtherKeys());
  }
  const docOf = (file: EncryptedFile) => parseDotenv(decryptEncryptedFile(file, key, displayPath), envFile);
  const oursDoc = docOf(ours);
  const theirsDoc = docOf(theirs);
  const baseDoc = base && (base.format === 'whole' || base.keyId === keyId) ? docOf(base) : undefined;

  const merged = mergeEnvDocuments(baseDoc, oursDoc, theirsDoc);
  // Both branches reworded comments or reordered lines: both are committed, so taking theirs loses
  // nothing for good; say so rather than put empty conflict markers in the file.
  const merge = { ...merged, conflicts: merged.conflicts.filter((name) => name !== STRUCTURE_CONFLICT) };
  if (merge.conflicts.length !== merged.conflicts.length) ctx.log.warn(MERGE_MESSAGES.layoutConflict(displayPath));
  const now = Math.floor(ctx.now().getTime() / 1000);
  const encrypted = encryptDocument(merge.doc, key, { now, random: ctx.random, previous: [ours, theirs] });
  if (merge.conflicts.length === 0) {
    writeFileAtomic(oursPath, encrypted);
    ctx.log.info(MERGE_MESSAGES.merged(displayPath));
    return { clean: true, problems: [] };
  }

  const oursText = readText(oursPath, 'git passes the merge driver the paths of its three versions');
  writeFileAtomic(oursPath, withConflictMarkers(encrypted, merge.conflicts, ours, theirs));
  const hint = writeConflictView(ctx, envFile, oursDoc, theirsDoc, merge.conflicts, oursText);
  return refused('CONFLICT', displayPath, { message: MERGE_MESSAGES.bothChanged(merge.conflicts), hint });
}

function refused(code: Problem['code'], file: string, wording: Wording): EncryptedMergeResult {
  return { clean: false, problems: [{ code, file, ...wording }] };
}

/** Replaces each conflicting variable's line with both sides' lines between standard markers. */
function withConflictMarkers(encrypted: string, conflicts: string[], ours: EncryptedFile, theirs: EncryptedFile): string {
  const linesOf = (file: EncryptedFile, name: string) =>
    file.format === 'values' ? file.lines.flatMap((l) => (l.kind === 'entry' && l.name === name ? [`${l.name}=fernet:${l.token}`] : [])) : [];
  const done = new Set<string>();
  const out: string[] = [];
  for (const line of encrypted.split('\n')) {
    const name = /^([A-Za-z_][\w.-]*)=fernet:/.exec(line)?.[1];
    if (name === undefined || !conflicts.includes(name)) {
      out.push(line);
      continue;
    }
    if (done.has(name)) continue;
    done.add(name);
    out.push('<<<<<<< ours', ...linesOf(ours, name), '=======', ...linesOf(theirs, name), '>>>>>>> theirs');
  }
  for (const name of conflicts.filter((n) => !done.has(n))) {
    out.splice(out.length - 1, 0, '<<<<<<< ours', ...linesOf(ours, name), '=======', ...linesOf(theirs, name), '>>>>>>> theirs');
  }
  return out.join('\n');
}

/**
 * The decrypted conflict view goes to the git-ignored `.env` (or beside it when it has local
 * edits); returns how to resolve it from there.
 */
function writeConflictView(ctx: OpsContext, envFile: string, ours: EnvDocument, theirs: EnvDocument, conflicts: string[], oursEncrypted: string): string {
  const sourceOf = (doc: EnvDocument, name: string) =>
    doc.nodes.filter((n) => n.kind === 'entry' && n.name === name).map((n) => n.source).join('\n');
  const block = (name: string) => `<<<<<<< ours\n${sourceOf(ours, name)}\n=======\n${sourceOf(theirs, name)}\n>>>>>>> theirs\n`;
  // Each conflict stands where the variable is in ours, so the resolved .env keeps its order.
  let view = ours.bom ? '\uFEFF' : '';
  const shown = new Set<string>();
  for (const node of ours.nodes) {
    if (node.kind === 'entry' && conflicts.includes(node.name)) {
      if (!shown.has(node.name)) view += block(node.name);
      shown.add(node.name);
      continue;
    }
    view += node.source + (node.newline === '' ? '\n' : node.newline);
  }
  for (const name of conflicts.filter((n) => !shown.has(n))) view += block(name);
  const envPath = path.join(ctx.cwd, envFile);
  const local = readTextIfExists(envPath);
  // With local edits in .env, the view goes beside it, under the name the checkout hooks use for
  // an incoming version (git-ignored, never taken for an environment of its own).
  const target = local === undefined || local === serializeDotenv(ours) ? envFile : incomingPathFor(envFile);
  // An aborted merge runs no hook that could undo the view: keep what restores .env (tokens only).
  if (target === envFile) savePreMergeRecord(ctx.repo.gitDir, { envFile, encrypted: oursEncrypted, viewSha256: sha256(view), head: ctx.git.text(['rev-parse', 'HEAD']) });
  writeFileAtomic(path.join(ctx.cwd, target), view, { mode: 0o600 });
  return target === envFile ? MERGE_MESSAGES.conflictInEnv(envFile) : MERGE_MESSAGES.conflictBeside(envFile, target);
}
