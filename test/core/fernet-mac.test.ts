import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FernetMac } from '../../src/core/fernet-mac.js';

describe('FernetMac', () => {
  it('equals createHmac sha256 for any key up to a block and any message, reused across calls', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.uint8Array({ maxLength: 700 }), { minLength: 1, maxLength: 5 }), (key, messages) => {
        const mac = new FernetMac(key);
        for (const message of messages) expect(mac.of(message).toString('hex')).toBe(createHmac('sha256', key).update(message).digest('hex'));
      }),
    );
  });

  it('matches RFC 4231 test case 2', () => {
    expect(new FernetMac(Buffer.from('Jefe')).of(Buffer.from('what do ya want for nothing?')).toString('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('refuses a key longer than a block (it would need hashing first)', () => {
    expect(() => new FernetMac(randomBytes(65))).toThrow(RangeError);
  });
});
