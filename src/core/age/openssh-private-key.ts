import { EnvguardError } from '../../errors.js';
import type { AgeIdentity } from './recipient-types.js';
import { sshEd25519Identity } from './ssh-ed25519-recipient.js';
import { readSshString, readSshUint32 } from './ssh-wire.js';

/**
 * Reads an OpenSSH private key file (PROTOCOL.key in OpenSSH's source): the `openssh-key-v1`
 * container holding one unencrypted `ssh-ed25519` key. Everything else gets a refusal that says
 * what to do instead; no message ever carries a byte of the key.
 */
const BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
const END = '-----END OPENSSH PRIVATE KEY-----';
const MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');
const USE_AGE = 'or use an age identity instead (unset ENVGUARD_IDENTITY_FILE and envguard creates one)';

/** Whether text looks like an OpenSSH private key (so the caller picks this parser). */
export function isOpenSshPrivateKey(text: string): boolean {
  return text.trimStart().startsWith(BEGIN);
}

function malformed(what: string): EnvguardError {
  return new EnvguardError('KEY_INVALID', `${what} is not a readable OpenSSH private key`, { hint: `check the file, ${USE_AGE}` });
}

/** Parses the key file into an ssh-ed25519 identity, refusing encrypted and non-Ed25519 keys. */
export function parseOpenSshPrivateKey(text: string, what: string): AgeIdentity {
  const trimmed = text.trim();
  if (!trimmed.startsWith(BEGIN) || !trimmed.endsWith(END)) throw malformed(what);
  const base64 = trimmed.slice(BEGIN.length, trimmed.length - END.length).replace(/\r?\n/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw malformed(what);
  const blob = Buffer.from(base64, 'base64');
  if (!blob.subarray(0, MAGIC.length).equals(MAGIC)) throw malformed(what);
  const cipher = readSshString(blob, MAGIC.length);
  const kdf = cipher && readSshString(blob, cipher.next);
  const kdfOptions = kdf && readSshString(blob, kdf.next);
  const count = kdfOptions && readSshUint32(blob, kdfOptions.next);
  if (!cipher || !kdf || !count) throw malformed(what);
  const publicBlob = readSshString(blob, count.next);
  const keyType = publicBlob && readSshString(publicBlob.value, 0);
  if (!publicBlob || !keyType) throw malformed(what);
  const type = keyType.value.toString('latin1');
  if (type.startsWith('sk-')) {
    throw new EnvguardError('KEY_INVALID', `${what} is a hardware security key (${type}), which age cannot use without a plugin`, {
      hint: `make a plain key with \`ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519_envguard\` and point ENVGUARD_IDENTITY_FILE at it, ${USE_AGE}`,
    });
  }
  if (type !== 'ssh-ed25519') {
    throw new EnvguardError('KEY_INVALID', `${what} is an ${type} key; envguard reads ssh-ed25519 keys only`, { hint: `use an ed25519 key (\`ssh-keygen -t ed25519\`), ${USE_AGE}` });
  }
  if (cipher.value.toString('latin1') !== 'none' || kdf.value.toString('latin1') !== 'none') {
    throw new EnvguardError('KEY_INVALID', `${what} is protected by a passphrase, which envguard cannot prompt for in a git hook`, {
      hint: `use a key without a passphrase for envguard (\`ssh-keygen -t ed25519 -N "" -f ~/.ssh/id_ed25519_envguard\`), ${USE_AGE}`,
    });
  }
  if (count.value !== 1) throw malformed(what);
  const privateBlob = readSshString(blob, publicBlob.next);
  if (!privateBlob || privateBlob.next !== blob.length) throw malformed(what);
  return readPrivateSection(privateBlob.value, what);
}

function readPrivateSection(section: Buffer, what: string): AgeIdentity {
  const check1 = readSshUint32(section, 0);
  const check2 = check1 && readSshUint32(section, check1.next);
  // Equal check words are how OpenSSH tells a right passphrase from a wrong one; here they catch damage.
  if (!check1 || !check2 || check1.value !== check2.value) throw malformed(what);
  const type = readSshString(section, check2.next);
  const publicKey = type && readSshString(section, type.next);
  const secret = publicKey && readSshString(section, publicKey.next);
  const comment = secret && readSshString(section, secret.next);
  if (!type || !publicKey || !secret || !comment || type.value.toString('latin1') !== 'ssh-ed25519') throw malformed(what);
  if (publicKey.value.length !== 32 || secret.value.length !== 64) throw malformed(what);
  const padding = section.subarray(comment.next);
  if (padding.length >= 8 || !padding.every((byte, index) => byte === index + 1)) throw malformed(what);
  // OpenSSH stores seed || public key as the 64-byte secret; the public half must agree.
  if (!secret.value.subarray(32).equals(publicKey.value)) throw malformed(what);
  try {
    return sshEd25519Identity(Buffer.from(secret.value.subarray(0, 32)), Buffer.from(publicKey.value));
  } catch {
    throw malformed(what);
  }
}
