import { isPlaintextEnvFile } from '../core/env-files.js';
import { formatFindingLine } from '../core/scan/format-text.js';
import type { OpsContext } from '../ops/context.js';
import { scanStaged } from '../ops/scan.js';
import type { StagedCheck, StagedCheckResult } from './pre-commit.js';

/**
 * The secret scan as a pre-commit check: every line the commit adds (the hook's own staging
 * included) is scanned for the project's own values, provider token formats and generic secrets.
 * Findings are reported masked; the fix says how to move the value out or allow it.
 */
export const secretScanCheck: StagedCheck = async (ctx: OpsContext, _paths, change): Promise<StagedCheckResult> => {
  // The hook has just encrypted each present .env into its twin: read values from the plaintext.
  const report = await scanStaged(ctx, { root: ctx.cwd, preferPlaintext: true, change });
  // A staged plaintext env file is already refused as a whole; listing each of its values adds noise.
  const findings = report.findings.filter((finding) => !isPlaintextEnvFile(finding.file));
  return {
    refusals: findings.map((finding) => ({
      code: 'SECRET_FOUND' as const,
      file: finding.file,
      message: formatFindingLine(finding),
      hint:
        finding.kind === 'known-value'
          ? `read it from the environment instead (${finding.preview.split(' from ')[0]}), do not copy its value`
          : 'move the secret to .env (envguard encrypts it), or allow it with an `envguard:allow` comment or a .envguardignore entry (`envguard scan --format json` prints it)',
    })),
    warnings: [],
  };
};
