import { Command } from 'commander';
import { HOOK_NAMES, runHook } from '../../hooks/dispatch.js';

/**
 * `envguard hook <name> [args…]`: what installed hooks and git drivers call. The CLI entry runs
 * hooks on a fast path before commander loads; this command exists for `--help` and completeness.
 */
export function hookCommand(): Command {
  return new Command('hook')
    .description(`run a git hook or driver: ${HOOK_NAMES.join(', ')}, textconv <file>, merge-driver %O %A %B %P, merge-ledger %O %A %B %P`)
    .argument('<name>', 'hook or driver name')
    .argument('[args...]', 'the arguments git passes')
    .allowUnknownOption()
    .action(async (name: string, args: string[]) => {
      process.exitCode = await runHook(name, args);
    });
}
