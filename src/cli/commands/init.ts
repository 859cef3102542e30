import path from 'node:path';
import { Command } from 'commander';
import { init, type InitResult } from '../../ops/init/init.js';
import { envFilesInHistory, REMEDIATION_DOC } from '../../ops/env-files-in-history.js';
import { cliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { runAction } from '../run-command.js';
import { envOption } from '../env-option.js';
import { INIT_MESSAGES as M } from '../messages/init-messages.js';

/** `envguard init [--env NAME]…`: set the project up (idempotent). */
export function initCommand(): Command {
  return new Command('init')
    .description('set up envguard here: keys, ledger, .gitignore, hooks, diff/merge drivers, first encryption (safe to run again)')
    .addOption(envOption('environment to set up (repeatable; default: every .env* found, else "default")', { repeatable: true }))
    .option('--husky', 'install the hooks into .husky/ (default when the project uses husky)')
    .option('--no-husky', 'install plain git hooks even if the project uses husky')
    .option('--no-hooks', 'install no hooks: lefthook or the pre-commit framework calls `envguard hook` (see docs/hooks.md)')
    .option('--hooks-path', 'install plain hooks into core.hooksPath even when it is outside this repository (shared with others)')
    .option('--json', 'print the result as JSON')
    .action((options: { env?: string[]; husky?: boolean; hooks?: boolean; hooksPath?: boolean; json?: boolean }) =>
      runAction((output) => {
        const ctx = cliContext(output);
        const result = init(ctx, { envs: options.env, husky: options.husky, hooks: options.hooks, hooksPath: options.hooksPath });
        if (options.json) output.json(result);
        else printInit(output, result, envFilesInHistory(ctx, result.root));
        return 0;
      }),
    );
}

function printInit(output: Output, result: InitResult, inHistory: readonly string[]): void {
  const { color } = output;
  const husky = result.hooks.mode === 'husky';
  output.err(M.project(result.projectId, result.root));
  for (const env of result.environments) {
    const envFile = env.envName === 'default' ? '.env' : `.env.${env.envName}`;
    if (env.key === 'missing') {
      output.err(color.yellow(M.keyMissing(env.envName, env.keyId)));
      continue;
    }
    output.err(M.environment(color.bold(env.envName), env.keyId, M.keySource(env.key), env.ledger, envFile, env.files));
    if (env.grantedMember) output.err(M.firstMember(env.grantedMember, env.envName));
    if (env.files === 'differs') output.err(color.yellow(M.filesDiffer(envFile)));
  }
  if (result.hooks.mode === 'none') output.err(M.noHooks);
  else output.err(M.hooks(husky, result.hooks.changed.length, result.hooks.chained));
  if (result.gitignoreChanged) output.err(M.gitignore);
  if (result.gitattributesChanged) output.err(M.gitattributes);
  if (result.configCreated) output.err(M.configCreated);
  for (const file of result.trackedPlaintext) output.err(color.red(M.trackedPlaintext(file)));
  if (inHistory.length > 0) output.err(color.red(M.inHistory(inHistory, REMEDIATION_DOC)));
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  if (result.accessRequest) {
    output.err('');
    output.err(M.sendRequest);
    output.out(result.accessRequest.command);
  }
  const joining = result.environments.every((env) => env.ledger === 'existing');
  output.err('');
  output.err(M.nextSteps);
  output.err(joining ? M.commitJoining(husky) : M.commitNew(result.configCreated, husky));
  output.err(M.teammates(husky, rel(result.root)));
}
