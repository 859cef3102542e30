import { Command, Option } from 'commander';
import { formatJson } from '../../core/scan/format-json.js';
import { formatSarif } from '../../core/scan/format-sarif.js';
import { formatText } from '../../core/scan/format-text.js';
import type { ScanReport } from '../../core/scan/types.js';
import { failure } from '../../errors.js';
import type { OpsContext } from '../../ops/context.js';
import { cliContext } from '../cli-context.js';
import { scanPaths, scanSince, scanStaged, upgradeIgnoreFile, type ScanOptions } from '../../ops/scan.js';
import { VERSION } from '../../version.js';
import { scanHistory } from '../../ops/scan-history.js';
import { repositoryTop, trackedForbiddenFiles } from '../../ops/support/tracked-forbidden.js';
import { runAction } from '../run-command.js';
import { CHECK_MESSAGES as M } from '../messages/checks-messages.js';

interface ScanFlags {
  staged?: boolean;
  since?: string;
  history?: boolean;
  all?: boolean;
  format: 'text' | 'json' | 'sarif';
  json?: boolean;
  knownValues: boolean;
  upgradeIgnore?: boolean;
}

/** `envguard scan`: the secret scan. Exit 1 when anything is found, 0 when clean. */
export function scanCommand(): Command {
  return new Command('scan')
    .description('scan the staged change (default), files, or commits for secrets; exit 1 on findings')
    .argument('[paths...]', 'files or directories to scan instead of the staged change')
    .option('--staged', 'scan the lines added by the staged change (what the pre-commit hook runs)')
    .option('--since <rev>', 'scan the lines added by every commit in <rev>..HEAD')
    .option('--history', 'scan every commit reachable from HEAD (with --since: only those after REV), env and key files included')
    .option('--all', 'with --history: the commits of every ref, not just HEAD')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--json', 'same as --format json')
    .option('--no-known-values', "do not look for the project's own .env values")
    .option('--upgrade-ignore', 'rewrite bare sha256 entries of .envguardignore as keyed (HMAC) fingerprints')
    .action((paths: string[], flags: ScanFlags) =>
      runAction(async (output) => {
        const ctx = cliContext(output);
        if (flags.upgradeIgnore) {
          const result = await upgradeIgnoreFile(ctx);
          output.out(M.ignoreUpgraded(result.upgraded, result.remaining));
          return 0;
        }
        const options: ScanOptions = { useKnownValues: flags.knownValues };
        const report = flags.history || flags.all ? await runHistoryScan(ctx, paths, flags) : withTrackedForbidden(ctx, await runScan(ctx, paths, flags, options), flags, paths);
        const format = flags.json ? 'json' : flags.format;
        if (format === 'json') output.out(formatJson(report));
        else if (format === 'sarif') output.out(formatSarif(report, VERSION));
        else output.out(formatText(report));
        return report.findings.length > 0 ? 1 : 0;
      }),
    );
}

function runScan(ctx: OpsContext, paths: string[], flags: ScanFlags, options: ScanOptions): Promise<ScanReport> {
  const modes = [flags.staged === true, flags.since !== undefined, paths.length > 0].filter(Boolean).length;
  if (modes > 1) {
    throw failure('USAGE', M.scanModes());
  }
  if (flags.since !== undefined) return scanSince(ctx, flags.since, options);
  if (paths.length > 0) return scanPaths(ctx, paths, options);
  return scanStaged(ctx, options);
}

/** `--history` (with `--since`, `--all`): every commit, env and key files included (ops/scan-history.ts). */
function runHistoryScan(ctx: Parameters<typeof scanHistory>[0], paths: string[], flags: ScanFlags): Promise<ScanReport> {
  if (!flags.history || flags.staged || paths.length > 0) {
    throw failure('USAGE', M.historyModes());
  }
  return scanHistory(ctx, { since: flags.since, all: flags.all, useKnownValues: flags.knownValues });
}

/** A plain `envguard scan` (the staged change) also flags tracked plaintext env and key files, with no key. */
function withTrackedForbidden(ctx: Parameters<typeof scanHistory>[0], report: ScanReport, flags: ScanFlags, paths: string[]): ScanReport {
  if (flags.staged || flags.since !== undefined || paths.length > 0) return report;
  return repositoryTop(ctx) === undefined ? report : { ...report, findings: [...trackedForbiddenFiles(ctx), ...report.findings] };
}
