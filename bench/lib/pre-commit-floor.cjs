// The floor under the pre-commit hook: what any implementation of its checks pays before its own
// code does anything. It loads the built-ins the hook needs (crypto to encrypt, child_process to
// run git) and makes the hook's three git calls, with the same arguments (src/io/staged-blobs.ts,
// src/io/staged-change.ts, src/io/scan-files.ts), in the bench's repository. bench/hook.mjs times
// it beside the hook. Run at the top of the working tree, with .env.encrypted in place (it appends a
// comment line to it: the bench puts the file and the index back before each run).
const { spawnSync } = require('node:child_process');
const { appendFileSync } = require('node:fs');
require('node:crypto');

// The hook stages a changed file (so git writes the index and runs post-index-change): so does this.
appendFileSync('.env.encrypted', '# floor\n');
const git = (args) => {
  const result = spawnSync('git', args, { stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args[0]} failed: ${result.stderr}`);
};
git(['update-index', '--add', '--', '.env.encrypted']);
git(['-c', 'core.quotepath=off', 'diff', '--cached', '--raw', '-z', '--no-abbrev', '-U0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=d', '--no-textconv']);
git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '-x', '!.env', '-x', '!.env.*', '-x', '.env/', '-x', '.env.*/', '--', ':(glob)**/.env', ':(glob)**/.env.*']);
