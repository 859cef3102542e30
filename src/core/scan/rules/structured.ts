import { isPlaceholder } from '../placeholder.js';
import type { SecretRule } from '../types.js';

/** Secrets recognised by their structure rather than a vendor prefix: keys, JWTs, credentials in URLs. */

function isJwtHeader(part: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null && ('alg' in header || 'typ' in header);
  } catch {
    return false;
  }
}

/** A password in a URL, unless it is a placeholder or the URL points at a documentation host. */
const realPassword = (secret: string, url: string): boolean =>
  !isPlaceholder(secret) && !/^[*x.]+$/i.test(secret) && !/@(?:[\w-]+\.)*example\.(?:com|org|net)\b|@example\b/i.test(url);

export const structuredRules: readonly SecretRule[] = [
  {
    id: 'private-key',
    description: 'Private key block (PEM / OpenSSH / PGP)',
    keywords: ['private key'],
    // The header alone appears in docs and parsers; a key needs its base64 body after it, on the
    // same line (a string with `\n` escapes) or the next one.
    regex: /(-----BEGIN[A-Z ]{0,24} PRIVATE KEY(?: BLOCK)?-----(?:\s|\\r|\\n)*(?:(?:Proc-Type|DEK-Info|Comment|Version):[^\n]*(?:\s|\\n)+)*[A-Za-z0-9+/]{40})/,
    multiline: true,
  },
  {
    id: 'age-secret-key',
    description: 'age encryption secret key',
    keywords: ['age-secret-key-1'],
    regex: /\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b/,
  },
  {
    id: 'jwt',
    description: 'JSON Web Token',
    keywords: ['eyj'],
    regex: /\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])/,
    validate: (secret) => isJwtHeader(secret.slice(0, secret.indexOf('.'))),
  },
  {
    id: 'database-url-password',
    description: 'Database connection URL with a password',
    keywords: ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver', 'cockroachdb', 'clickhouse'],
    regex: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse):\/\/[^\s:/@'"`]*:([^\s/@'"`]{3,})@[A-Za-z0-9._-]+/,
    validate: realPassword,
  },
  {
    id: 'url-credentials',
    description: 'Password embedded in an http/ftp/ssh URL',
    keywords: ['://'],
    regex: /\b(?:https?|ftps?|sftp|ssh|git|smtps?|ldaps?):\/\/[^\s:/@'"`]+:([^\s/@'"`]{3,})@[A-Za-z0-9._-]+/,
    validate: realPassword,
  },
];
