import type { EnvironmentVerification } from '../verify.js';

/**
 * What to do about one environment's verification, most specific first: a replayed token, then
 * files that do not match the ledger, then the ledger's own problems (each hint once). Empty
 * when everything verified. The CLI prints these; it does not choose them.
 */
export function verifyFixes(result: Omit<EnvironmentVerification, 'fixes'>): string[] {
  const { report, files, replays, ledgerFile } = result;
  if (!report.valid) return [...new Set(report.problems.map((problem) => problem.hint))];
  if (replays && replays.length > 0) {
    return ['edit .env to restore an old value (it gets a fresh token); otherwise restore the encrypted file from the revision'];
  }
  const bad = (files?.files ?? []).filter((file) => file.result !== 'ok');
  if (bad.some((file) => file.result === 'other-key')) {
    return [`a file under another key means a rotation is missing from the ledger or was not committed with it: compare \`git log -- ${ledgerFile}\` with the files' history`];
  }
  if (bad.length > 0) return ['restore the damaged file from git (`git checkout -- <file>`), or re-encrypt it from .env with `envguard encrypt --force`'];
  return [];
}
