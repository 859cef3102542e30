import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bech32Decode, bech32Encode } from '../../../src/core/age/bech32.js';
import { parseX25519Identity, parseX25519Recipient } from '../../../src/core/age/x25519-recipient.js';

// From the CCTV vectors: a real age-keygen identity and the recipient age derives from it.
const IDENTITY = 'AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0';

describe('bech32', () => {
  it('round-trips any bytes under any human-readable part', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.constantFrom('age', 'age-secret-key-', 'x'), (data, hrp) => {
        const decoded = bech32Decode(bech32Encode(hrp, data));
        expect(decoded?.hrp).toBe(hrp);
        expect(decoded?.data.equals(Buffer.from(data))).toBe(true);
      }),
    );
  });

  it('accepts the BIP 173 valid test strings and refuses the invalid ones', () => {
    for (const valid of ['A12UEL5L', 'a12uel5l', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', 'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w']) {
      expect(bech32Decode(valid), valid).toBeDefined();
    }
    for (const invalid of ['pzry9x0s0muk', '1pzry9x0s0muk', 'x1b4n0q5v', 'li1dgmt3', 'A1G7SGD8', '10a06t8', '1qzzfhee', 'A12uEL5L', 'a12uel5m']) {
      expect(bech32Decode(invalid), invalid).toBeUndefined();
    }
  });

  it('refuses every single-character change of a key (the checksum catches typos)', () => {
    const recipient = parseX25519Identity(IDENTITY)!.recipient.text;
    const alphabet = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
    for (let i = 4; i < recipient.length; i++) {
      const swapped = alphabet[(alphabet.indexOf(recipient[i]!) + 1) % 32]!;
      expect(parseX25519Recipient(recipient.slice(0, i) + swapped + recipient.slice(i + 1))).toBeUndefined();
    }
  });

  it('keeps age case rules: identities upper-case, recipients lower-case, never mixed', () => {
    const identity = parseX25519Identity(IDENTITY)!;
    expect(identity.encode()).toBe(IDENTITY);
    expect(parseX25519Identity(IDENTITY.toLowerCase())).toBeUndefined();
    expect(parseX25519Recipient(identity.recipient.text.toUpperCase())).toBeUndefined();
    expect(parseX25519Recipient(identity.recipient.text)?.text).toBe(identity.recipient.text);
    expect(parseX25519Identity(identity.recipient.text)).toBeUndefined(); // wrong human-readable part
    expect(parseX25519Recipient(bech32Encode('age', Buffer.alloc(31)))).toBeUndefined(); // wrong length
  });
});
