import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../../src/core/scan/scanner.js';

/** Built at run time: a valid, random Fernet key (filler such as 32 equal bytes is a placeholder) and an age identity of the right shape. */
const FERNET = randomBytes(32).toString('base64url') + '=';
const AGE = `AGE-SECRET-KEY-1${'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'.repeat(2).slice(0, 58)}`;

describe('envguard-keys rules', () => {
  const scanner = createScanner({ generic: false });
  const ids = (text: string, file = 'src/settings.py') => scanner.scan({ file, text }).map((finding) => finding.ruleId);

  it.each([
    `FERNET_KEY = "${FERNET}"`,
    `SECRETS_MASTER_KEY=${FERNET}`,
    `export ENVGUARD_KEY='${FERNET}'`,
    `ENVGUARD_KEY_PRODUCTION: ${FERNET}`,
    `app.config["FERNET_KEY"] = b"${FERNET}"`,
  ])('finds a Fernet key assigned in form %#', (line) => {
    expect(ids(line)).toEqual(['fernet-key']);
  });

  it('does not take a 44-character string that is not 32 bytes, nor another name', () => {
    expect(ids(`FERNET_KEY = "${'A'.repeat(42)}=="`)).toEqual([]);
    expect(ids(`OTHER_KEY = "${FERNET}"`)).toEqual([]);
  });

  it('finds an age identity anywhere, masked', () => {
    const findings = scanner.scan({ file: 'notes.txt', text: `# created by age-keygen\n${AGE}\n` });
    expect(findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['age-secret-key', 2]]);
    expect(JSON.stringify(findings)).not.toContain(AGE);
  });
});
