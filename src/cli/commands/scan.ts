import { Command, Option } from 'commander';
import { formatJson } from '../../core/scan/format-json.js';
import { formatSarif } from '../../core/scan/format-sarif.js';
import { formatText } from '../../core/scan/format-text.js';
import type { ScanReport } from '../../core/scan/types.js';
import { EnvguardError } from '../../errors.js';
import type { OpsContext } from '../../ops/context.js';
import { cliContext } from '../context.js';
import { scanPaths, scanSince, scanStaged, type ScanOptions } from '../../ops/scan.js';
import { VERSION } from '../../version.js';
import { runAction } from '../run-command.js';

interface ScanFlags {
  staged?: boolean;
  since?: string;
  format: 'text' | 'json' | 'sarif';
  json?: boolean;
  knownValues: boolean;
}

/** `envguard scan`: the secret scan. Exit 1 when anything is found, 0 when clean. */
export function scanCommand(): Command {
  return new Command('scan')
    .description('scan the staged change (default), files, or commits for secrets; exit 1 on findings')
    .argument('[paths...]', 'files or directories to scan instead of the staged change')
    .option('--staged', 'scan the lines added by the staged change (what the pre-commit hook runs)')
    .option('--since <rev>', 'scan the lines added by every commit in <rev>..HEAD')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--json', 'same as --format json')
    .option('--no-known-values', "do not look for the project's own .env values")
    .action((paths: string[], flags: ScanFlags) =>
      runAction(async (output) => {
        const ctx = cliContext(output);
        const options: ScanOptions = { useKnownValues: flags.knownValues };
        const report = await runScan(ctx, paths, flags, options);
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
    throw new EnvguardError('USAGE', 'choose one of --staged, --since REV or PATH…', { hint: 'run `envguard scan --staged`, `envguard scan --since main` or `envguard scan src/`' });
  }
  if (flags.since !== undefined) return scanSince(ctx, flags.since, options);
  if (paths.length > 0) return scanPaths(ctx, paths, options);
  return scanStaged(ctx, options);
}
