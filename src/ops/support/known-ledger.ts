import { anchorOf, checkAgainstAnchor, type Ledger, type LedgerProblem } from '../../core/ledger/index.js';
import { EnvguardError } from '../../errors.js';
import { readSeenLedger, rememberSeenLedger } from '../../io/key-store.js';
import type { OpsContext } from '../context.js';

/**
 * A ledger that verifies on its own, checked against what this machine has seen of the project
 * (DESIGN.md, Ledger: anchored): a different genesis, a shorter chain or a rewritten entry is a
 * problem, never a reason to fall back to keyless checks. With `remember`, a ledger that is the
 * same chain or extends it becomes what this machine has seen (trust on first use). With
 * `allowShorter` (the checkout hooks, where an older commit legitimately has a shorter chain, and
 * where the values it brings are guarded by the token replay check), a shorter chain is compared
 * by its genesis only.
 */
export function checkKnownLedger(ctx: OpsContext, ledger: Ledger, file: string, options: { remember?: boolean; allowShorter?: boolean } = {}): LedgerProblem | undefined {
  let seen;
  try {
    seen = readSeenLedger(ctx.env, ledger.projectId, ledger.environment);
  } catch (error) {
    if (!(error instanceof EnvguardError)) throw error;
    return { code: 'anchor', file, entry: null, path: '', message: error.message, hint: error.hint ?? 'run `envguard verify --trust-ledger`' };
  }
  if (seen && options.allowShorter && ledger.entries.length < seen.entries) {
    // An older commit checked out: its chain ends before what this machine saw. Only the genesis can be compared.
    const problem = checkAgainstAnchor(ledger, { ...seen, entries: ledger.entries.length, headHash: anchorOf(ledger).headHash }, file);
    return problem;
  }
  const problem = seen ? checkAgainstAnchor(ledger, seen, file) : undefined;
  if (problem === undefined && options.remember) {
    const now = anchorOf(ledger);
    if (!seen || seen.entries !== now.entries || seen.headHash !== now.headHash) rememberQuietly(ctx, ledger);
  }
  return problem;
}

/** `verify --trust-ledger`: this (verified) ledger becomes the one this machine knows, whatever it saw before. */
export function trustLedger(ctx: OpsContext, ledger: Ledger): void {
  rememberSeenLedger(ctx.env, ledger.projectId, ledger.environment, anchorOf(ledger));
}

function rememberQuietly(ctx: OpsContext, ledger: Ledger): void {
  try {
    rememberSeenLedger(ctx.env, ledger.projectId, ledger.environment, anchorOf(ledger));
  } catch (error) {
    // A read-only home (some CI runners) only loses the memory, not the check just made.
    ctx.log.debug(`could not record the ledger seen: ${error instanceof Error ? error.message : 'error'}`);
  }
}
