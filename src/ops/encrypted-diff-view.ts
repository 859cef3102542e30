import path from 'node:path';
import { envNameOf, isEncryptedEnvFile, plaintextPathFor } from '../core/env-files.js';
import { decryptEncryptedFile, decryptEntry, parseEncryptedFile } from '../core/encrypted-file.js';
import { isEnvguardError } from '../errors.js';
import { tokenTimestamp } from '../core/fernet.js';
import { shortKeyId, type FernetKey } from '../core/key.js';
import { currentAndKnown } from '../io/key-ring.js';
import { listDirectory, readText } from '../io/read-file.js';
import type { OpsContext } from './context.js';

/**
 * The `textconv` diff driver: `git diff` / `git log -p` on `.env.encrypted` show the variables.
 * Decrypted with the current key or a retired one (old history) when this machine has it;
 * otherwise each entry shows its name and its token's time, so a changed variable is still visible.
 */
export function encryptedDiffView(ctx: OpsContext, file: string): string {
  const displayName = path.basename(file);
  const text = readText(file, 'git passes textconv the path of a file');
  let parsed;
  try {
    parsed = parseEncryptedFile(text, displayName);
  } catch (error) {
    return isEnvguardError(error, 'CONFLICT') ? conflictView(ctx, text, displayName) : text;
  }
  const key = candidateKeys(ctx).find((k) => parsed.format === 'whole' || shortKeyId(k) === parsed.keyId);
  if (key) {
    try {
      return decryptEncryptedFile(parsed, key, displayName);
    } catch {
      // damaged: fall through to the keyless view
    }
  }
  if (parsed.format === 'whole') return `# (whole-file token; no key on this machine to show it)\n`;
  const lines = [`# envguard: key ${parsed.keyId} not on this machine; showing names and token times`];
  for (const line of parsed.lines) {
    if (line.kind === 'trivia') lines.push(line.text.replace(/\r?\n$/, ''));
    else if (line.kind === 'trailer') lines.push(`# <encrypted trailing comments ${formatTime(tokenTimestamp(line.token))}>`);
    else lines.push(`${line.name}=<encrypted ${formatTime(tokenTimestamp(line.token))} ${line.token.slice(-12, -2)}>`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A file with merge conflict markers: each side's block decrypted line by line, the markers
 * kept, so `git diff` during a conflict shows variables rather than tokens.
 */
function conflictView(ctx: OpsContext, text: string, displayName: string): string {
  const keyId = /^# envguard:v[12] key=([0-9a-f]{16})/.exec(text)?.[1];
  const key = candidateKeys(ctx).find((k) => shortKeyId(k) === keyId);
  const lines = text.split('\n');
  const out = lines.slice(1).map((line, index) => {
    const entry = /^([A-Za-z_][\w.-]*)=fernet:(\S+)$/.exec(line);
    if (!entry || !key) return line;
    try {
      return decryptEntry({ kind: 'entry', name: entry[1] as string, token: entry[2] as string, line: index + 2 }, key, displayName).replace(/\r?\n$/, '');
    } catch {
      return line;
    }
  });
  return out.join('\n');
}

/** Every key this machine has for the project: each environment's current key, then retired ones. */
function candidateKeys(ctx: OpsContext): FernetKey[] {
  const keys: FernetKey[] = [];
  const envFiles = listDirectory(ctx.cwd).filter(isEncryptedEnvFile).map(plaintextPathFor);
  for (const envFile of envFiles.length ? envFiles : ['.env']) {
    keys.push(...currentAndKnown(ctx.keys, envNameOf(envFile)).map((found) => found.key));
  }
  return keys;
}

function formatTime(seconds: number | undefined): string {
  return seconds === undefined ? 'unknown time' : new Date(seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}
