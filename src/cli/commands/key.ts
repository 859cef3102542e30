import { Command, Option } from 'commander';
import { failure } from '../../errors.js';
import { looksLikeKeyBundle } from '../../core/key-bundle.js';
import { readStdin } from '../../io/read-stdin.js';
import { exportKeyBundle, importKeyBundle } from '../../ops/key-bundle-export-import.js';
import { describeKey, exportKey, importKey } from '../../ops/key-export-import.js';
import { cliContext } from '../cli-context.js';
import { runAction } from '../run-command.js';
import { envOption } from '../env-option.js';
import { KEY_MESSAGES as M } from '../messages/key-messages.js';

/** `envguard key export|import|fingerprint`: move a key between machines. */
export function keyCommand(): Command {
  const key = new Command('key').description('move a key between machines: export, import, fingerprint');

  key
    .command('export')
    .description('print the key of an environment (to hand to a teammate, CI or Kubernetes)')
    .addOption(envOption('environment', { default: 'default' }))
    .addOption(new Option('--format <format>', 'text, env (NAME=key) or k8s-secret').choices(['text', 'env', 'k8s-secret']).default('text'))
    .option('--name <name>', 'Secret name, for --format k8s-secret')
    .option('--namespace <ns>', 'Secret namespace, for --format k8s-secret')
    .option('--all', 'every environment\'s key in one bundle for `envguard key import` (format: docs/configuration.md)')
    .action((options: { env: string; format: 'text' | 'env' | 'k8s-secret'; name?: string; namespace?: string; all?: boolean }, command: Command) =>
      runAction((output) => {
        if (options.all && (command.getOptionValueSource('env') === 'cli' || options.format !== 'text')) {
          throw failure('USAGE', M.exportAllTakesNoFlags());
        }
        const ctx = cliContext(output);
        process.stdout.write(options.all ? exportKeyBundle(ctx) : exportKey(ctx, { envName: options.env, format: options.format, name: options.name, namespace: options.namespace }));
        if (process.stdout.isTTY) output.err(M.exportedSecret);
        return 0;
      }),
    );

  key
    .command('import')
    .description('store a key read from stdin (e.g. `pbpaste | envguard key import`) in the local key store')
    .addOption(envOption('environment', { default: 'default' }))
    .option('--force', 'store it even if it does not match the encrypted file')
    .option('--json', 'print the result as JSON')
    .action((options: { env: string; force?: boolean; json?: boolean }, command: Command) =>
      runAction(async (output) => {
        if (process.stdin.isTTY) output.err(M.pasteKey);
        const keyText = (await readStdin(M.stdinWhat, M.stdinHint)).toString('utf8');
        if (looksLikeKeyBundle(keyText)) {
          if (command.getOptionValueSource('env') === 'cli') throw failure('USAGE', M.bundleTakesNoEnv());
          const results = importKeyBundle(cliContext(output), keyText, { force: options.force });
          if (options.json) output.json(results);
          else for (const result of results) output.err(M.stored(result.keyId, result.envName, result.decrypted));
          return 0;
        }
        const result = importKey(cliContext(output), { envName: options.env, keyText, force: options.force });
        if (options.json) output.json(result);
        else {
          output.err(M.stored(result.keyId, result.envName, result.decrypted));
          if (result.notice) output.err(M.notice(result.notice));
        }
        return 0;
      }),
    );

  key
    .command('fingerprint')
    .description('show the fingerprint and short id of the key this machine would use')
    .addOption(envOption('environment', { default: 'default' }))
    .option('--json', 'print as JSON')
    .action((options: { env: string; json?: boolean }) =>
      runAction((output) => {
        const info = describeKey(cliContext(output), options.env);
        if (options.json) output.json(info);
        else output.out(M.fingerprint(info));
        return 0;
      }),
    );
  return key;
}
