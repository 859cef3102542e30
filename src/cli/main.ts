import { Command, CommanderError } from 'commander';
import { commandFactories } from './commands/index.js';
import { createOutput } from './output.js';
import { VERSION } from '../version.js';

/** The `envguard` command line. Exit codes: 0 ok, 1 refused, 2 usage/configuration, 3 environment. */
export function buildProgram(): Command {
  const program = new Command('envguard')
    .description('Keep .env secrets in git safely: Fernet-encrypted .env.encrypted, git hooks, secret scan, signed key rotation ledger.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run `envguard --help` for usage)')
    .exitOverride();
  // Lets `run` pass every option after its command name through untouched (passThroughOptions).
  program.enablePositionalOptions();
  for (const factory of commandFactories) program.addCommand(factory().exitOverride());
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; anything else commander rejects is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    createOutput().err(`envguard: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 3;
  }
}

// `envguard … | head` closes stdout early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Hooks take a fast path that skips building the whole command tree: git runs them on every commit.
if (process.argv[2] === 'hook' && process.argv[3] !== undefined && !process.argv[3].startsWith('-')) {
  const { runHook } = await import('../hooks/dispatch.js');
  process.exitCode = runHook(process.argv[3], process.argv.slice(4));
} else {
  await main(process.argv);
}
