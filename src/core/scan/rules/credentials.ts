import { isPlaceholder } from '../placeholder.js';
import { contextual, type ProviderRule } from './define.js';

/**
 * Credentials recognised by where they are written rather than by a vendor prefix: a curl
 * command line, an HTTP auth header, `.npmrc`, Docker's `config.json`, `NuGet.config`, JDBC and
 * ADO.NET connection strings, Laravel's APP_KEY, a kubeconfig, base64-wrapped and PuTTY keys.
 */

const decodes = (base64: string, test: (text: string) => boolean): boolean => {
  try {
    return test(Buffer.from(base64, 'base64').toString('latin1'));
  } catch {
    return false;
  }
};
/** `user:password` with a real-looking password: Basic auth and Docker's `auth` hold exactly that. */
const isUserPassword = (text: string): boolean => {
  const colon = text.indexOf(':');
  if (colon < 1) return false;
  const password = text.slice(colon + 1);
  return /^[\x21-\x7e]{4,}$/.test(password) && !isPlaceholder(password) && !/^\$|^%|^\{/.test(password);
};
/** A password value typed in a file, not a variable reference or a placeholder. */
const realPassword = (secret: string): boolean => secret.length >= 4 && !isPlaceholder(secret) && !/^[$%]|^\{\{|^\*+$/.test(secret);

export const credentialRules: readonly ProviderRule[] = [
  {
    id: 'curl-basic-auth',
    description: 'Password in a curl -u / --user argument',
    keywords: ['curl'],
    regex: /\bcurl\b.*?\s(?:-u\s*|--user[\s=]+)["']?[^\s:"'$]{1,64}:([^\s"'@]{4,128})["']?(?=\s|$)/,
    validate: realPassword,
  },
  {
    id: 'http-auth-header',
    description: 'Credential in an HTTP Authorization or API-key header',
    keywords: ['authorization', 'x-api-key', 'x-auth-token', 'api-key:', 'private-token'],
    regex: /\b(?:Authorization["']?\s*[:=]\s*["']?(?:Bearer|Token|token|bearer)\s+|(?:X-Api-Key|X-API-KEY|x-api-key|X-Auth-Token|x-auth-token|Api-Key|PRIVATE-TOKEN|Private-Token)["']?\s*[:=]\s*["']?)([A-Za-z0-9._~+/=-]{16,512})(?![A-Za-z0-9._~+/=-])/,
    validate: (secret) => /\d/.test(secret) && /[A-Za-z]/.test(secret) && !isPlaceholder(secret) && !/^\$|^process\.|^env\./.test(secret),
  },
  {
    id: 'http-basic-auth-header',
    description: 'user:password in an HTTP Basic Authorization header',
    keywords: ['basic '],
    regex: /\b(?:Authorization["']?\s*[:=]\s*["']?)?Basic\s+([A-Za-z0-9+/]{8,300}={0,2})(?![A-Za-z0-9+/=])/,
    validate: (secret) => decodes(secret, (text) => /^[\x20-\x7e]+$/.test(text) && isUserPassword(text)),
  },
  {
    id: 'npmrc-legacy-auth-token',
    description: 'npm auth token in .npmrc (legacy UUID form)',
    keywords: ['_authtoken'],
    regex: /_authToken\s*=\s*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/i,
    uuidSecret: true,
  },
  {
    id: 'npmrc-auth',
    description: 'Base64 user:password in .npmrc (_auth or _password)',
    keywords: ['_auth', '_password'],
    regex: /(?:^|[\s:])(?:\/\/[^\s=]*:)?_(?:auth|password)\s*=\s*["']?([A-Za-z0-9+/]{8,200}={0,2})(?![A-Za-z0-9+/=])/,
    validate: (secret, match) => (match.includes('_password') ? decodes(secret, (t) => /^[\x21-\x7e]{4,}$/.test(t) && !isPlaceholder(t)) : decodes(secret, isUserPassword)),
  },
  {
    id: 'docker-config-auth',
    description: 'Registry credential in a Docker config.json "auth" field',
    keywords: ['"auth"'],
    regex: /"auth"\s*:\s*"([A-Za-z0-9+/]{12,300}={0,2})"/,
    validate: (secret) => decodes(secret, isUserPassword),
  },
  {
    id: 'nuget-config-password',
    description: 'Package source password in NuGet.config',
    keywords: ['cleartextpassword', 'key="password"'],
    regex: /<add\s+key=["'](?:ClearTextPassword|Password)["']\s+value=["']([^"']{4,512})["']/i,
    validate: realPassword,
  },
  {
    id: 'jdbc-password',
    description: 'Password in a JDBC connection URL',
    keywords: ['jdbc:'],
    regex: /jdbc:[a-z0-9]+:[^\s"'`]*?[?;&](?:password|pwd)=([^;&\s"'`]{4,128})/i,
    validate: realPassword,
  },
  {
    id: 'connection-string-password',
    description: 'Password in an ADO.NET / ODBC connection string',
    keywords: ['password=', 'pwd='],
    regex: /(?:Server|Data Source|Host|Address|Addr|Network Address)\s*=[^;"'\n]{1,200};(?:[^;"'\n]*;)*?\s*(?:Password|Pwd)\s*=\s*([^;"'\n\s]{4,128})/i,
    validate: realPassword,
  },
  {
    id: 'laravel-app-key',
    description: 'Laravel APP_KEY encryption key',
    keywords: ['app_key'],
    regex: /APP_KEY\s*[=:]\s*["']?(base64:[A-Za-z0-9+/]{43}=)/,
  },
  {
    id: 'kubeconfig-client-key',
    description: 'Private key in a kubeconfig (client-key-data)',
    keywords: ['client-key-data'],
    regex: /client-key-data:\s*["']?(LS0tLS1CRUdJT[A-Za-z0-9+/]{60,}={0,2})/,
    fillerPart: (secret) => secret.replace(/A{4,}/g, ''),
  },
  {
    id: 'base64-private-key',
    description: 'Base64-encoded PEM private key',
    keywords: ['ls0tls1crudjtib'],
    regex: /(?<![A-Za-z0-9+/])(LS0tLS1CRUdJTiB[A-Za-z0-9+/]{80,}={0,2})/,
    validate: (secret) => decodes(secret.slice(0, 120), (text) => /PRIVATE KEY/.test(text)),
    fillerPart: (secret) => secret.replace(/A{4,}/g, ''),
  },
  {
    id: 'putty-private-key',
    description: 'PuTTY private key file',
    keywords: ['putty-user-key-file-'],
    regex: /(PuTTY-User-Key-File-[23]: (?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\d{3})\r?\nEncryption: [a-z0-9-]+)/,
    multiline: true,
    fillerPart: () => '',
  },
  contextual('service-password-setting', 'Password in an SMTP / LDAP / proxy setting', {
    names: ['smtp_pass', 'smtp_password', 'ldap_bind_password', 'bindpw', 'proxy_password'],
    value: '[^\\s"\'`]{6,128}',
    validate: (secret) => realPassword(secret) && /\d/.test(secret) && /[A-Za-z]/.test(secret),
  }),
];
