import { ensureDir, readBytes, removeIfExists } from '../../io/access-file-io.js';
import { listDirectory, pathExists, readText } from '../../io/read-file.js';
import path from 'node:path';
import { failure } from '../../errors.js';
import { accessDirFor, buildGrant, parseGrant, verifyGrant, type GrantRecord } from '../../core/access/index.js';
import { parseRecipient } from '../../core/age/index.js';
import { fingerprint, type FernetKey } from '../../core/key.js';
import { ledgerSigner, type Ledger, type MemberRef, type RotationAccess } from '../../core/ledger/index.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { RotationJournal } from '../../io/rotation-journal.js';
import { readEnvGrants } from '../access/env-grants.js';
import { checkEnvironmentGrants } from '../access/verify-grants.js';
import { removeGrantFiles, stageAccessDir, writeGrantFiles } from '../access/write-grant.js';
import { workDirOf, writeCopy, type RotationRun } from './rotation-run.js';
import { ROTATION_MESSAGES as M } from './rotation-messages.js';

/**
 * Every rotation re-wraps the new key for every remaining member (DESIGN.md, "Per-person
 * access"), so nobody sends a key by hand; a revocation is a rotation that leaves some out.
 * Which members is decided before anything changes and kept in the journal, so a resumed
 * rotation re-wraps exactly the same people.
 */
export function planRotationAccess(run: RotationRun, ledger: Ledger, revoke: readonly string[]): RotationAccess | undefined {
  const { members, problems } = checkEnvironmentGrants(run.root, run.environment, ledger);
  if (members.length === 0 && revoke.length === 0) return undefined;
  const first = problems[0];
  // A grant that does not verify must never be re-signed with the new key: that would launder it.
  if (first) throw failure('VERIFY_FAILED', M.grantProblem(run.environment, first.message));
  const refs: MemberRef[] = members.map((member) => ({ memberId: member.memberId, name: (member.files.parsed as { grant: GrantRecord }).grant.memberName }));
  const unknown = revoke.filter((id) => !refs.some((ref) => ref.memberId === id));
  if (unknown.length > 0) throw failure('USAGE', M.unknownMembers(unknown, run.environment));
  const rewrapped = refs.filter((ref) => !revoke.includes(ref.memberId));
  if (revoke.length > 0 && rewrapped.length === 0) throw failure('USAGE', M.lastMember(run.environment));
  return { revoked: refs.filter((ref) => revoke.includes(ref.memberId)), rewrapped };
}

function beforeFile(run: RotationRun, journal: RotationJournal): string {
  return path.join(workDirOf(run, journal), 'access.before.json');
}

/** Keeps every access file of the environment as it was, so a rollback puts them back exactly. */
export function saveAccessBefore(run: RotationRun, journal: RotationJournal): void {
  const dir = accessDirFor(run.environment);
  const files: Record<string, string> = {};
  const absolute = path.join(run.root, dir);
  for (const name of listDirectory(absolute)) files[`${dir}/${name}`] = readBytes(path.join(absolute, name)).toString('base64');
  writeCopy(beforeFile(run, journal), JSON.stringify(files));
}

function readAccessBefore(run: RotationRun, journal: RotationJournal): Map<string, Buffer> | undefined {
  const file = beforeFile(run, journal);
  if (!pathExists(file)) return undefined;
  return new Map(Object.entries(JSON.parse(readText(file, M.accessCopyHint)) as Record<string, string>).map(([name, bytes]) => [name, Buffer.from(bytes, 'base64')]));
}

/**
 * Writes the new key's access file for each re-wrapped member (name, recipient, kind, granter and
 * date kept from their grant, re-signed by the new key) and deletes the revoked members' files.
 * Idempotent: a member whose files already verify under the new key is left alone.
 */
export function rewrapAccess(run: RotationRun, journal: RotationJournal, newKey: FernetKey): void {
  const access = journal.access;
  if (!access) return;
  const before = readAccessBefore(run, journal);
  if (!before) throw failure('ROTATION_INTERRUPTED', M.accessCopyMissing(run.environment));
  const dir = accessDirFor(run.environment);
  const oldGrants = new Map<string, GrantRecord>();
  for (const [file, bytes] of before) {
    const parsed = file.endsWith('.json') ? parseGrant(bytes.toString('utf8')) : undefined;
    if (parsed && 'grant' in parsed) oldGrants.set(parsed.grant.memberId, parsed.grant);
  }
  const names = new Map([...oldGrants].map(([id, grant]) => [id, grant.memberName]));
  const publicKey = ledgerSigner(newKey).publicKey;
  const now = readEnvGrants(run.root, run.environment);
  for (const ref of access.rewrapped) {
    const old = oldGrants.get(ref.memberId);
    if (!old) throw failure('ROTATION_INTERRUPTED', M.grantCopyMissing(ref.memberId, run.environment));
    const onDisk = now.members.find((member) => member.memberId === ref.memberId);
    if (onDisk?.parsed && 'grant' in onDisk.parsed && onDisk.ageFile && !verifyGrant(onDisk.parsed.grant, onDisk.ageFile, publicKey, fingerprint(newKey), { envName: run.environment, memberId: ref.memberId })) continue;
    const built = buildGrant({ envName: run.environment, key: newKey, memberName: old.memberName, recipient: parseRecipient(old.recipient), kind: old.kind, existing: names, grantedBy: old.grantedBy, now: new Date(old.grantedAt), random: run.ctx.random });
    if (built.memberId !== ref.memberId) throw new TypeError(`member id changed on re-wrap: ${ref.memberId}`);
    writeGrantFiles(run.root, built, run.crash);
    run.crash('rewrap');
  }
  for (const ref of access.revoked) {
    removeGrantFiles(run.root, { dir, age: `${dir}/${ref.memberId}.age`, grant: `${dir}/${ref.memberId}.json` });
    run.crash('rewrap');
  }
}

/** Stages the environment's access directory (new files and deletions). */
export function stageAccess(run: RotationRun, journal: RotationJournal): void {
  if (journal.access) stageAccessDir(run.ctx.git, run.root, accessDirFor(run.environment));
}

/**
 * Puts back the access files the rotation may have written or deleted (those of the re-wrapped
 * and revoked members) as they were before it; any other access file (perhaps pulled while the
 * rotation was interrupted) is left alone.
 */
export function restoreAccess(run: RotationRun, journal: RotationJournal): void {
  if (!journal.access) return;
  const before = readAccessBefore(run, journal);
  if (!before) return;
  const dir = accessDirFor(run.environment);
  for (const member of [...journal.access.rewrapped, ...journal.access.revoked]) {
    for (const file of [`${dir}/${member.memberId}.age`, `${dir}/${member.memberId}.json`]) {
      const target = path.join(run.root, file);
      const bytes = before.get(file);
      if (bytes === undefined) removeIfExists(target);
      else if (!pathExists(target) || !readBytes(target).equals(bytes)) {
        ensureDir(path.dirname(target));
        writeFileAtomic(target, bytes);
      }
    }
  }
  stageAccessDir(run.ctx.git, run.root, dir);
}
