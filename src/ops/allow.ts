import { failure } from '../errors.js';
import { approve, isApproved, revokeApproval } from '../io/command-approval.js';
import { keyStoreHome } from '../io/key-store.js';
import type { OpsContext } from './context.js';
import { KEY_OP_MESSAGES } from './key-messages.js';

export interface AllowResult {
  /** The command text, for the user to read; printed JSON-quoted so no control character acts. */
  command: string;
  approved: boolean;
  /** Whether this call changed anything. */
  changed: boolean;
}

/**
 * `envguard allow`: approves (or with `remove`, withdraws approval of) the exact `keyCommand`
 * that `.envguard.json` holds now, for this checkout; `show` only reports. A command that comes
 * from the repository never runs before this (DESIGN.md, Keys).
 */
export function allowKeyCommand(ctx: OpsContext, options: { remove?: boolean; show?: boolean } = {}): AllowResult {
  const root = ctx.repo.root;
  const command = ctx.config.keyCommand;
  if (command === undefined) {
    throw failure('NOT_FOUND', KEY_OP_MESSAGES.noKeyCommand());
  }
  const home = keyStoreHome(ctx.env);
  const before = isApproved(home, root, command);
  if (options.show) return { command, approved: before, changed: false };
  if (options.remove) return { command, approved: false, changed: revokeApproval(home, root, command) };
  if (!before) approve(home, root, command);
  return { command, approved: true, changed: !before };
}
