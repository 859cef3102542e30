import { printable } from '../../core/text/printable.js';
import { gitActor } from '../../io/git-actor.js';
import { ensureIdentity } from '../../io/identity.js';
import type { OpsContext } from '../context.js';

export interface AccessRequest {
  /** This machine's public recipient (`age1…` or `ssh-ed25519 AAAA…`). */
  recipient: string;
  /** Where the identity lives: a path or a variable name. */
  source: string;
  created: boolean;
  /** The one line a member runs to grant this machine; nothing in it is secret. */
  command: string;
}

/**
 * `envguard access id` and `access request`: this machine's recipient (its identity is created
 * on first need) and the line to send a teammate. Only public material leaves here.
 */
export function accessRequest(ctx: OpsContext, options: { environment?: string } = {}): AccessRequest {
  const identity = ensureIdentity(ctx);
  let name = 'unknown';
  try {
    const actor = gitActor(ctx.git);
    name = actor.email === 'unknown' ? actor.name : `${actor.name} <${actor.email}>`;
  } catch {
    // Outside a repository the name is a placeholder for the granter to fill in.
  }
  const env = options.environment && options.environment !== 'default' ? ` --env ${options.environment}` : '';
  return { recipient: identity.recipient.text, source: identity.source, created: identity.created, command: `npx envguard access grant ${shellQuote(identity.recipient.text)} --name ${shellQuote(name)}${env}` };
}

/** Quotes a word for a POSIX shell so the printed line can be pasted as is; control characters are dropped. */
export function shellQuote(text: string): string {
  const clean = printable(text);
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(clean)) return clean;
  if (!/["$`\\!]/.test(clean)) return `"${clean}"`;
  return `'${clean.replace(/'/g, `'\\''`)}'`;
}
