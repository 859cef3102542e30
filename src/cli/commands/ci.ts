import { Command, Option } from 'commander';
import { formatCiSarif, type CiSarifProblem } from '../../core/enforce/ci-sarif.js';
import { formatFindingLine } from '../../core/scan/format-text.js';
import { ignoreEntry } from '../../core/scan/allow-list.js';
import { runCi, type CiResult } from '../../ops/ci.js';
import { VERSION } from '../../version.js';
import { cliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { runAction } from '../run-command.js';
import { CHECK_MESSAGES as M } from '../messages/checks-messages.js';

/** `envguard ci [--against REV] [--format text|json|sarif]`: exit 0 clean, 1 on any problem, 2 when REV is not here. */
export function ciCommand(): Command {
  return new Command('ci')
    .description('run every check that a skipped hook cannot bypass (ledgers, commits since REV, tracked env files, rotation policy); needs no key')
    .option('--against <rev>', 'trusted base (e.g. origin/main): scan only REV..HEAD (default: all of HEAD\'s history)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--json', 'same as --format json')
    .action((flags: { against?: string; format: 'text' | 'json' | 'sarif'; json?: boolean }) =>
      runAction(async (output) => {
        const result = await runCi(cliContext(output), { against: flags.against });
        const format = flags.json ? 'json' : flags.format;
        if (format === 'sarif') output.out(formatCiSarif(result.findings, sarifProblems(result), VERSION));
        else if (format === 'json') output.json(jsonReport(result));
        else printText(output, result);
        return result.ok ? 0 : 1;
      }),
    );
}

function sarifProblems(result: CiResult): CiSarifProblem[] {
  const ids = { ledger: 'ledger-invalid', rotation: 'rotation-overdue', 'access-grants': 'access-grant-invalid' } as const;
  return result.problems.flatMap((problem) => (problem.check === 'ledger' || problem.check === 'rotation' || problem.check === 'access-grants' ? [{ ruleId: ids[problem.check], file: problem.file, ...(problem.line === undefined ? {} : { line: problem.line }), message: problem.message }] : []));
}

function jsonReport(result: CiResult) {
  return {
    version: 1,
    ok: result.ok,
    against: result.against ?? null,
    checked: result.checked,
    notChecked: result.notChecked,
    commitsScanned: result.commitsScanned,
    problems: result.problems,
    warnings: result.warnings,
    findings: result.findings.map((finding) => ({ ...finding, ignoreEntry: ignoreEntry(finding.fingerprint, finding.ruleId) })),
  };
}

function printText(output: Output, result: CiResult): void {
  const { color } = output;
  for (const finding of result.findings) output.out(formatFindingLine(finding));
  for (const problem of result.problems.filter((p) => p.check !== 'commits' && p.check !== 'tracked-files')) {
    output.out(M.ciProblem(problem.check, problem.message));
    output.out(M.fix(problem.hint));
  }
  // The findings were printed above; their fix (one for all of them) once per check.
  for (const check of ['tracked-files', 'commits'] as const) {
    const first = result.problems.find((p) => p.check === check);
    if (first) output.out(M.fix(first.hint));
  }
  for (const warning of result.warnings) output.out(M.ciWarning(color, warning));
  for (const name of result.notChecked) output.out(M.ciNotChecked(color, name));
  const summary = M.ciSummary(result.commitsScanned, M.ciRange(result.against), result.checked);
  output.out(result.ok ? `${M.ok(color)}${summary}` : M.ciFailed(color, result.problems.length, summary));
}
