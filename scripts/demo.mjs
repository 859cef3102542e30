#!/usr/bin/env node
// `npm run demo`: the whole envguard story in a throwaway repository, with real git and real
// hooks. Everything happens under a temp dir with its own HOME, git config and key store;
// nothing on this machine is touched, and the temp dir is removed at the end (--keep keeps it).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const keep = process.argv.includes('--keep');
const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s) => (tty ? `\u001b[1m${s}\u001b[0m` : s);
const dim = (s) => (tty ? `\u001b[2m${s}\u001b[0m` : s);

const base = mkdtempSync(path.join(os.tmpdir(), 'envguard-demo-'));
const home = path.join(base, 'home');
const bin = path.join(base, 'bin');
mkdirSync(home, { recursive: true });
mkdirSync(bin, { recursive: true });
writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n');
// `envguard` on PATH, as after `npm install envguard`
writeFileSync(path.join(bin, 'envguard'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
chmodSync(path.join(bin, 'envguard'), 0o755);

const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_') && !k.startsWith('ENVGUARD') && k !== 'SECRETS_MASTER_KEY'));
const machine = (name) => ({
  ...cleanEnv,
  HOME: path.join(home, name),
  GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
  GIT_CONFIG_NOSYSTEM: '1',
  ENVGUARD_HOME: path.join(home, name, 'keys'),
  PATH: `${bin}${path.delimiter}${process.env.PATH}`,
  NO_COLOR: '1',
});
const ada = machine('ada');
const grace = { ...machine('grace'), GIT_AUTHOR_NAME: 'Grace Hopper', GIT_AUTHOR_EMAIL: 'grace@example.com', GIT_COMMITTER_NAME: 'Grace Hopper', GIT_COMMITTER_EMAIL: 'grace@example.com' };
const app = path.join(base, 'app');
const clone = path.join(base, 'grace-clone');
let failures = 0;

function step(title) {
  console.log(`\n${bold(`▶ ${title}`)}`);
}

/**
 * Runs a shell command, prints it and its output; `expect` is the exit status we want. stderr is
 * merged into stdout in the shell itself, so messages print in the order the command wrote them.
 * `stdout` and `stderr` of the result are both that one stream.
 */
function sh(command, { cwd = app, env = ada, expect = 0, input, quiet = false } = {}) {
  console.log(dim(`$ ${command}`));
  const result = spawnSync('sh', ['-c', `exec 2>&1\n${command}`], { cwd, env, input, encoding: 'utf8' });
  result.stderr = result.stdout;
  const output = result.stdout.trimEnd();
  if (output && !quiet) console.log(output.replace(/^/gm, '  '));
  if (result.status !== expect) {
    failures++;
    console.log(`  !! expected exit ${expect}, got ${result.status}`);
  }
  return result;
}

function check(condition, message) {
  if (condition) console.log(`  ✓ ${message}`);
  else {
    failures++;
    console.log(`  !! ${message}`);
  }
}

const started = Date.now();
try {
  step('A project with a plaintext .env (never committed)');
  mkdirSync(app);
  sh('git init -q && echo "console.log(process.env.GREETING)" > app.js');
  // Every change to .env happens in a command shown on screen.
  sh(`printf '%s\\n' '# database' 'DB_USER=app' 'DB_PASSWORD=correct-horse-battery-staple' 'GREETING="hello world"' 'STRIPE_KEY=sk_live_demo_0000000000' > .env`);
  sh("sed 's/=.*/=…/' .env");

  step('envguard init: key, signed ledger, .gitignore, hooks, first encryption');
  sh('envguard init');
  sh('cat .env.encrypted');

  step('git commit: the pre-commit hook checks the staged change');
  sh('git add -A && git commit -qm "Add envguard" && git show --stat --format=%s HEAD');
  const committed = sh('git log -p --all --no-textconv', { quiet: true }).stdout;
  check(committed.includes('DB_PASSWORD=fernet:') && !committed.includes('correct-horse-battery-staple'), 'the history holds tokens, no plaintext value');

  step('envguard set: one value changed in .env and .env.encrypted, staged; a plain git commit commits it');
  sh('envguard set GREETING "hello again" && git commit -qm "Say hello again" && git show --format=%s HEAD -- .env.encrypted | grep "^[-+][A-Z]"');
  console.log(dim('  (git shows the change decrypted, through the textconv driver; the commit holds only tokens)'));
  console.log(dim('  (a secret goes in through stdin, out of shell history: printf %s "$NEW" | envguard set DB_PASSWORD -)'));

  step('A plaintext .env forced into the index is refused');
  sh('git add -f .env && git commit -qm "oops"', { expect: 1 });
  sh('git rm -q --cached .env');

  step('A secret pasted into source code is refused, reported by name and masked');
  // Token-shaped strings are assembled here so that this script itself holds no secret-shaped literal.
  const awsKeyId = ['AKIA', 'Q3EGRL7XK2WZ5TNB'].join('');
  const stripeKey = ['sk', 'live', 'Zq4VwX8nR2tY6uP0sL3kJ9hB'].join('_');
  writeFileSync(path.join(app, 'db.js'), `export const password = 'correct-horse-battery-staple';\nexport const aws = '${awsKeyId}';\nexport const stripe = '${stripeKey}';\n`);
  const refused = sh('git add db.js && git commit -qm "Add db config"', { expect: 1 });
  check(!refused.stderr.includes('correct-horse') && !refused.stderr.includes(awsKeyId) && !refused.stderr.includes(stripeKey), 'findings are named and masked, never printed');
  sh('git rm -q --cached db.js && rm db.js');

  step('Branch switch: post-checkout decrypts what the branch has');
  sh('git checkout -q -b feature');
  // Editing .env by hand works too: the pre-commit hook encrypts and stages it with the next commit.
  sh("sed -i.orig 's/^DB_USER=app$/DB_USER=feature_app/' .env && rm .env.orig");
  sh('echo "// feature" >> app.js && git commit -qam "Feature DB user"');
  sh('git checkout -q main && grep DB_USER .env');
  check(readFileSync(path.join(app, '.env'), 'utf8').includes('DB_USER=app\n'), '.env follows the branch');

  step('A teammate clones and runs init: it prints one line for Ada, nothing secret in it');
  sh(`git clone -q "${app}" "${clone}"`, { env: grace, cwd: base });
  const joined = sh('envguard init', { cwd: clone, env: grace });
  const request = /^npx envguard access grant .*$/m.exec(joined.stdout)?.[0] ?? '';
  check(request.startsWith('npx envguard access grant age1') && !joined.stdout.includes('AGE-SECRET-KEY'), 'the line holds only her public recipient');

  step('Ada runs that line and commits; Grace pulls: the post-merge hook opens her access file and decrypts .env');
  sh(`${request.replace(/^npx /, '')} && git commit -qm "Grant Grace access"`);
  sh('git pull -q && grep -c = .env', { cwd: clone, env: grace });
  check(readFileSync(path.join(clone, '.env'), 'utf8') === readFileSync(path.join(app, '.env'), 'utf8'), "grace's .env matches ada's; no key was typed or sent");
  sh('envguard access list');

  step('See what is set without revealing secrets');
  sh('envguard show');

  step('Run the app with the decrypted environment: secrets in its output are masked');
  const run = sh(`envguard run -- node -e "console.log('password is', process.env.DB_PASSWORD); console.log('base64:', Buffer.from(process.env.DB_PASSWORD).toString('base64'))"`);
  check(!run.stdout.includes('correct-horse') && run.stdout.includes('password is ****'), 'the value and its base64 form are masked');

  step('Rotation: new key, every file re-encrypted and verified, a signed ledger entry');
  // The key is brand new, so a rotation is not due: envguard refuses (1) and says how to insist.
  sh('envguard rotate --reason "a teammate left"', { expect: 1 });
  sh('envguard rotate --force --reason "a teammate left" && git commit -qm "Rotate envguard key" && git show --stat --format=%s HEAD');

  step('Grace pulls: the rotation re-wrapped the new key for her, so her .env just decrypts');
  sh('git pull -q', { cwd: clone, env: grace });
  check(readFileSync(path.join(clone, '.env'), 'utf8') === readFileSync(path.join(app, '.env'), 'utf8'), "grace's .env still matches after the rotation");

  step('Grace leaves: revoking her is a rotation that leaves her out');
  sh('envguard access revoke grace-hopper --reason "left the team" && git commit -qm "Revoke Grace"');
  sh('git pull -q', { cwd: clone, env: grace });

  step('Anyone can verify the signed ledger, with no key at all (as CI on a fork would)');
  sh('envguard verify', { cwd: clone, env: { ...machine('ci') } });
  sh('envguard status');
} finally {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${bold(failures === 0 ? `demo finished in ${seconds}s` : `demo had ${failures} unexpected result(s)`)}`);
  if (keep) console.log(`kept ${base}`);
  else rmSync(base, { recursive: true, force: true });
}
process.exitCode = failures === 0 ? 0 : 1;
