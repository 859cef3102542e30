import { tokenTimestamp } from './fernet.js';
import type { EncryptedFile } from './encrypted-file-types.js';

/**
 * Token replay (DESIGN.md, Encrypted file): anyone who can push can paste an old token of
 * `DB_PASSWORD` back into `.env.encrypted`; it verifies, because it was once genuine. Fernet
 * timestamps are readable without the key, so a variable's token must never move back in time.
 * Pure and keyless: CI on a fork can run it.
 */

export interface ReplayedToken {
  /** The variable, or `*` for a legacy whole-file token. */
  name: string;
  /** 1-based line in the incoming file. */
  line: number;
  /** Seconds since the epoch: the incoming token's time and the newest base token's time for the name. */
  incomingTime: number;
  baseTime: number;
}

interface Occurrence {
  token: string;
  time: number;
  line: number;
}

/**
 * The variables whose value in `incoming` comes from a token older than, or taken from among,
 * the tokens `base` has for that name. Per name, the entry that counts is the last (dotenv's
 * rule), and it must be base's own last token or a token newer than every token base has for the
 * name: so with a name defined twice, swapping the two lines (which changes the value without
 * any new token) is caught too. A name that is new in `incoming` has nothing to compare with.
 */
export function findReplayedTokens(base: EncryptedFile, incoming: EncryptedFile): ReplayedToken[] {
  const before = occurrences(base);
  const after = occurrences(incoming);
  const replayed: ReplayedToken[] = [];
  for (const [name, list] of after) {
    const old = before.get(name) ?? (name !== '*' && base.format === 'whole' ? before.get('*') : undefined);
    const effective = list[list.length - 1];
    if (!old || !effective) continue;
    const oldEffective = old[old.length - 1] as Occurrence;
    if (effective.token === oldEffective.token) continue;
    const newest = Math.max(...old.map((item) => item.time));
    if (effective.time < newest || old.some((item) => item.token === effective.token)) {
      replayed.push({ name, line: effective.line, incomingTime: effective.time, baseTime: newest });
    }
  }
  if (incoming.format === 'whole' && base.format === 'values') {
    // Back to the legacy form: its one token must be newer than every token it replaces.
    const newest = Math.max(...[...before.values()].flat().map((item) => item.time));
    const time = tokenTimestamp(incoming.token);
    if (time !== undefined && Number.isFinite(newest) && time < newest) replayed.push({ name: '*', line: 1, incomingTime: time, baseTime: newest });
  }
  return replayed;
}

/** name → its tokens in file order with their times; unreadable tokens are skipped (other checks refuse them). */
function occurrences(file: EncryptedFile): Map<string, Occurrence[]> {
  const map = new Map<string, Occurrence[]>();
  const add = (name: string, token: string, line: number) => {
    const time = tokenTimestamp(token);
    if (time === undefined) return;
    const list = map.get(name) ?? [];
    list.push({ token, time, line });
    map.set(name, list);
  };
  if (file.format === 'whole') add('*', file.token, 1);
  else for (const line of file.lines) if (line.kind === 'entry') add(line.name, line.token, line.line);
  return map;
}
