import type { EnvironmentVerification } from '../verify.js';
import { LEDGER_MESSAGES } from '../ledger-messages.js';

/**
 * What to do about one environment's verification, most specific first: a replayed token, then
 * files that do not match the ledger, then the ledger's own problems (each hint once). Empty
 * when everything verified. The CLI prints these; it does not choose them.
 */
export function verifyFixes(result: Omit<EnvironmentVerification, 'fixes'>): string[] {
  const { report, files, replays, ledgerFile } = result;
  if (!report.valid) return [...new Set(report.problems.map((problem) => problem.hint))];
  if (replays && replays.length > 0) {
    return [LEDGER_MESSAGES.fixReplay];
  }
  const bad = (files?.files ?? []).filter((file) => file.result !== 'ok');
  if (bad.some((file) => file.result === 'other-key')) {
    return [LEDGER_MESSAGES.fixOtherKey(ledgerFile)];
  }
  if (bad.length > 0) return [LEDGER_MESSAGES.fixDamagedFile];
  return [];
}
