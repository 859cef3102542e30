/** age v1 (C2SP age.md) on node:crypto: what the access model and the identity loader use. */
export { AgeError, type AgeFailure } from './age-error.js';
export { ageDecrypt, ageDecryptChunks, ageEncrypt, type EncryptOptions } from './age-file.js';
export { armor, dearmor, isArmored } from './armor.js';
export { parseIdentities } from './parse-identity.js';
export { parseRecipient } from './parse-recipient.js';
export type { AgeIdentity, AgeRecipient, RandomBytes } from './recipient-types.js';
export { parseX25519Identity, parseX25519Recipient, x25519Identity } from './x25519-recipient.js';
export { parseSshEd25519Recipient, sshEd25519Recipient } from './ssh-ed25519-recipient.js';
export { formatIdentityFile } from './identity-file.js';
export { parseOpenSshPrivateKey, isOpenSshPrivateKey } from './openssh-private-key.js';
