import type { Command } from 'commander';
import { silenceNodeDebug } from '../io/node-debug.js';
import { VERSION } from '../version.js';
import { exitQuietlyOnEpipe } from './stdio-errors.js';

/** The `envguard` command line. Exit codes: 0 ok, 1 refused, 2 usage/configuration, 3 environment. */
export async function buildProgram(): Promise<Command> {
  const { Command } = await import('commander');
  const { commandFactories } = await import('./commands/index.js');
  const program = new Command('envguard')
    .description('Keep .env secrets in git safely: Fernet-encrypted .env.encrypted, git hooks, secret scan, signed key rotation ledger.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run `envguard --help` for usage)')
    .exitOverride();
  // Lets `run` pass every option after its command name through untouched (passThroughOptions).
  program.enablePositionalOptions();
  for (const factory of commandFactories) program.addCommand(withExitOverride(factory()));
  // A failing command asked for JSON answers with a JSON error object too (run-command.ts).
  const { reportErrorsAsJson } = await import('./run-command.js');
  program.hook('preAction', (_program, action) => {
    const options = action.opts() as { json?: unknown; format?: unknown };
    reportErrorsAsJson(options.json === true || options.format === 'json');
  });
  return program;
}

/** Nested commands (`key export`) too: otherwise commander exits 1 itself on a usage error, not 2. */
function withExitOverride(command: Command): Command {
  for (const sub of command.commands) withExitOverride(sub);
  return command.exitOverride();
}

async function main(argv: string[]): Promise<void> {
  const { CommanderError } = await import('commander');
  const program = await buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; anything else commander rejects is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    const { createOutput } = await import('./output.js');
    createOutput().err(`envguard: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 3;
  }
}

// Node read NODE_DEBUG at start-up: without this, its child_process lines would print the
// environment of envguard's own git and keyCommand spawns (a key among it) to stderr.
silenceNodeDebug();

const isHook = process.argv[2] === 'hook' && process.argv[3] !== undefined && !process.argv[3].startsWith('-');

// Hooks other than textconv never write to stdout (see stdio-errors.ts).
exitQuietlyOnEpipe(isHook && process.argv[3] !== 'textconv' ? [process.stderr] : [process.stdout, process.stderr]);

// The bin (launcher.ts) sends hooks to dist/hook.cjs; this path serves `node dist/main.cjs hook …`.
// Hooks load neither commander, chalk nor the command tree (all imported lazily above).
async function start(): Promise<void> {
  if (isHook) {
    const { runHook } = await import('../hooks/dispatch.js');
    process.exitCode = await runHook(process.argv[3], process.argv.slice(4));
  } else {
    await main(process.argv);
  }
}

void start();
