import { parseEncryptedFile, type EncryptedFile } from '../../core/encrypted-file.js';
import type { Git } from '../../io/git.js';

/** A file's text at a revision (`HEAD`, `MERGE_HEAD`, a commit), or undefined where it has none. */
export function textAtRevision(git: Git, revision: string, file: string): string | undefined {
  const shown = git.exec(['show', `${revision}:${file}`], { okCodes: [128] });
  return shown.status === 0 ? shown.stdout.toString('utf8') : undefined;
}

/**
 * An encrypted file parsed, or undefined when there is none or it does not parse: the replay
 * and anchor checks compare only files they can read; a damaged one is reported by the format
 * checks, with its line.
 */
export function parsedOrUndefined(text: string | undefined, file: string): EncryptedFile | undefined {
  if (text === undefined) return undefined;
  try {
    return parseEncryptedFile(text, file);
  } catch {
    return undefined;
  }
}
