import path from 'node:path';
import { Command } from 'commander';
import { init, type InitResult } from '../../ops/init/init.js';
import { envFilesInHistory, REMEDIATION_DOC } from '../../ops/env-files-in-history.js';
import { cliContext } from '../context.js';
import type { Output } from '../output.js';
import { runAction } from '../run-command.js';
import { envOption } from '../env-option.js';

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
  output.err(`envguard: project ${result.projectId} in ${result.root}`);
  for (const env of result.environments) {
    const envFile = env.envName === 'default' ? '.env' : `.env.${env.envName}`;
    if (env.key === 'missing') {
      output.err(color.yellow(`  ${env.envName}: key ${env.keyId} is not on this machine yet; you need a teammate who has it to grant you access (below)`));
      continue;
    }
    const key = env.key === 'created' ? 'new key created in your key store' : `key from ${env.key}`;
    output.err(`  ${color.bold(env.envName)}: key ${env.keyId} (${key}), ledger ${env.ledger}, ${envFile}: ${env.files}`);
    if (env.grantedMember) output.err(`    access: you are the first member (${env.grantedMember}); .envguard/access/${env.envName}/ holds your wrapped key`);
    if (env.files === 'differs') output.err(color.yellow(`    ${envFile} and ${envFile}.encrypted differ: run \`envguard encrypt\` to keep yours, or \`envguard decrypt --force\` to take the committed one`));
  }
  if (result.hooks.mode === 'none') {
    output.err('  hooks: none installed; have your hook manager run `envguard hook <name>` (docs/hooks.md)');
  } else {
    const hooks = result.hooks.mode === 'husky' ? '.husky/' : 'git hooks';
    output.err(`  hooks: ${hooks}${result.hooks.changed.length ? ` (${result.hooks.changed.length} written)` : ' (already installed)'}${result.hooks.chained.length ? `; existing ${result.hooks.chained.join(', ')} still run first` : ''}`);
  }
  if (result.gitignoreChanged) output.err('  .gitignore: plaintext .env files ignored, encrypted files and ledgers kept');
  if (result.gitattributesChanged) output.err('  .gitattributes: per-variable diff and merge for .env*.encrypted');
  if (result.configCreated) output.err('  .envguard.json: created with its $schema line (settings: docs/configuration.md)');
  for (const file of result.trackedPlaintext) {
    output.err(color.red(`  ${file} is tracked by git: run \`git rm --cached ${file}\`, and change those secrets: they are in the history`));
  }
  if (inHistory.length > 0) {
    output.err(color.red(`  history: ${inHistory.join(', ')} ${inHistory.length === 1 ? 'is' : 'are'} in earlier commits: rotate those secrets and rewrite history, see ${REMEDIATION_DOC} (\`envguard scan --history --all\` lists every commit)`));
  }
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  if (result.accessRequest) {
    output.err('');
    output.err('to get the key, send this line to a teammate who has it (nothing in it is secret); once they commit and push it, your next `git pull` decrypts .env:');
    output.out(result.accessRequest.command);
  }
  const joining = result.environments.every((env) => env.ledger === 'existing');
  output.err('');
  output.err('next steps:');
  if (joining) {
    output.err(`  commit any changes init made to .gitignore/.gitattributes${result.hooks.mode === 'husky' ? '/.husky' : ''} (normally none)`);
  } else {
    output.err(`  git add .gitignore .gitattributes${result.configCreated ? ' .envguard.json' : ''} .env*.encrypted .env*.ledger.json .envguard${result.hooks.mode === 'husky' ? ' .husky' : ''} && git commit -m "Add envguard"`);
  }
  output.err(`  teammates: after cloning, run \`npm install\`${result.hooks.mode === 'husky' ? '' : ' and `npx envguard init`'} in ${rel(result.root)}; it prints one line (\`npx envguard access grant …\`) for them to send you; run it, commit and push, and their next pull decrypts .env`);
}
