import { Command } from 'commander';
import { shortKeyId } from '../../core/key.js';
import { cliContext } from '../cli-context.js';
import { verifyProject } from '../../ops/verify.js';
import { runAction } from '../run-command.js';
import { printTrackedForbidden, trackedForbiddenIn } from '../tracked-forbidden-output.js';
import { envOption } from '../env-option.js';
import { CHECK_MESSAGES as M } from '../messages/checks-messages.js';

/** `envguard verify [--json] [--env NAME] [--against REV] [--trust-ledger]`: exit 0 when every ledger verifies, 1 otherwise. */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('verify the rotation ledgers: schema, hash chain, every signature, each rotation authorised by the key before it (needs no key)')
    .addOption(envOption('verify only this environment (default: every ledger at the repository top)'))
    .option('--against <rev>', 'also prove the ledger extends the one at REV (same genesis, old entries unchanged) and no token is older than REV\'s')
    .option('--trust-ledger', 'make each ledger that verifies the one this machine knows (after a legitimate re-init, or to check out an older commit)')
    .option('--json', 'print the full report as JSON')
    .action((options: { env?: string; json?: boolean; against?: string; trustLedger?: boolean }) =>
      runAction((output) => {
        const ctx = cliContext(output);
        const result = verifyProject(ctx, { environment: options.env, against: options.against, trustLedger: options.trustLedger });
        if (options.json) {
          // A plaintext env or key file in git fails verify too, key or no key.
          const tracked = trackedForbiddenIn(ctx);
          output.json({ ...result, valid: result.valid && tracked.length === 0, trackedForbiddenFiles: tracked });
          return result.valid && tracked.length === 0 ? 0 : 1;
        }
        const { color } = output;
        for (const { environment, ledgerFile, report, files, replays, access, fixes } of result.environments) {
          if (report.valid && replays && replays.length > 0) {
            output.out(M.replays(M.fail(color), environment, ledgerFile, replays.length, options.against ?? 'the revision'));
            for (const { message } of replays) output.out(`  ${message}`);
            for (const fix of fixes) output.out(M.fix(fix));
            continue;
          }
          if (report.valid && access && access.members + access.problems.length > 0) {
            const bad = access.problems;
            output.out(M.access(bad.length === 0 ? M.ok(color) : M.fail(color), environment, access.members, bad.length));
            for (const problem of bad) output.out(`  ${problem.message}\n  ${M.fix(problem.hint)}`);
          }
          if (report.valid) {
            const bad = (files?.files ?? []).filter((file) => file.result !== 'ok');
            const checked = files && files.files.length > 0 ? M.filesChecked(files.files.length, files.keyAvailable) : '';
            const status = bad.length === 0 ? M.ok(color) : M.fail(color);
            output.out(M.ledgerValid(status, environment, ledgerFile, report.entries, shortKeyId(report.currentKeyFingerprint ?? ''), bad.length === 0 ? checked : ''));
            for (const file of bad) output.out(`  ${file.message ?? `${file.path}: ${file.result}`}`);
            for (const fix of fixes) output.out(M.fix(fix));
            continue;
          }
          output.out(M.ledgerInvalid(M.fail(color), environment, ledgerFile, report.problems.length));
          for (const problem of report.problems) output.out(M.ledgerProblem(problem.entry, problem.code, problem.message));
          for (const fix of fixes) output.out(M.fix(fix));
        }
        const tracked = trackedForbiddenIn(ctx);
        printTrackedForbidden(output, tracked);
        return result.valid && tracked.length === 0 ? 0 : 1;
      }),
    );
}
