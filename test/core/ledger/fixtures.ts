import { generateKey, type FernetKey } from '../../../src/core/key.js';
import { appendRotation, createGenesis, type Ledger, type RotationStatus } from '../../../src/core/ledger/index.js';

/** Deterministic keys: key(n) is 32 bytes of n. */
export function key(n: number): FernetKey {
  return generateKey((size) => Buffer.alloc(size, n));
}

export const PROJECT_ID = '6f1d2c3b-4a59-4e68-8f7a-9b0c1d2e3f40';
export const ACTOR = { name: 'Ada Lovelace', email: 'ada@example.com' };
export const T0 = new Date('2025-01-01T10:00:00.000Z');

export function day(n: number): Date {
  return new Date(T0.getTime() + n * 86_400_000);
}

/**
 * Genesis with key(1), then a completed rotation to key(2), a failed attempt to key(9),
 * and a completed rotation to key(3): every entry type and a non-key-changing status.
 */
export function sampleLedger(): Ledger {
  let ledger = createGenesis({ key: key(1), projectId: PROJECT_ID, environment: 'default', actor: ACTOR, now: T0 });
  const rotate = (from: number, to: number, status: RotationStatus, at: number) => {
    ledger = appendRotation(ledger, {
      oldKey: key(from),
      newKey: key(to),
      status,
      actor: ACTOR,
      reason: `quarterly rotation ${at}`,
      now: day(at),
      files: [
        { path: '.env.encrypted', verified: status === 'completed' },
        { path: 'apps/api/.env.encrypted', verified: status === 'completed' },
      ],
      backupPaths: status === 'completed' ? [`.git/envguard/backups/default-${at}/.env.encrypted`] : [],
    });
  };
  rotate(1, 2, 'completed', 90);
  rotate(2, 9, 'failed', 180);
  rotate(2, 3, 'completed', 181);
  return ledger;
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
