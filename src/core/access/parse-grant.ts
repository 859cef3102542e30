import type { GrantRecord } from './grant-record.js';
import { MEMBER_ID_PATTERN } from './access-paths.js';
import { strictJsonValue } from '../strict-json.js';

/**
 * Reads a grant file strictly: exactly the known fields with the right types, no duplicate keys.
 * Returns a reason instead of throwing, because `verify` reports every bad grant, not the first.
 * The reason never quotes the file: it is unverified.
 */
export function parseGrant(text: string): { grant: GrantRecord } | { reason: string } {
  const value = strictJsonValue(text);
  if (!isObject(value)) return { reason: 'not a JSON object (or has duplicate keys)' };
  const keys = ['format', 'env', 'memberId', 'memberName', 'recipient', 'kind', 'keyFingerprint', 'ageFileSha256', 'grantedBy', 'grantedAt', 'signature'];
  const extra = Object.keys(value).filter((key) => !keys.includes(key));
  if (extra.length > 0) return { reason: 'has unknown fields' };
  if (value.format !== 'envguard-grant/v1') return { reason: 'is not an envguard v1 grant' };
  for (const key of ['env', 'memberId', 'memberName', 'recipient', 'keyFingerprint', 'ageFileSha256', 'grantedAt', 'signature']) {
    if (typeof value[key] !== 'string' || value[key] === '') return { reason: `field ${key} is missing or not a string` };
  }
  if (value.kind !== 'person' && value.kind !== 'ci') return { reason: 'field kind is not person or ci' };
  if (!MEMBER_ID_PATTERN.test(value.memberId as string)) return { reason: 'field memberId is not a member id' };
  if (!/^sha256:[0-9a-f]{64}$/.test(value.keyFingerprint as string) || !/^sha256:[0-9a-f]{64}$/.test(value.ageFileSha256 as string)) return { reason: 'a hash field is not sha256:<hex>' };
  if (Number.isNaN(Date.parse(value.grantedAt as string))) return { reason: 'field grantedAt is not a date' };
  const by = value.grantedBy;
  if (!isObject(by) || Object.keys(by).sort().join() !== 'gitActor,memberId' || typeof by.memberId !== 'string' || typeof by.gitActor !== 'string') {
    return { reason: 'field grantedBy is not { memberId, gitActor }' };
  }
  return { grant: value as unknown as GrantRecord };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
