// Rotation speed: `envguard rotate` of one environment with 100 encrypted files x 100 variables
// in a real git repository, wall time of the whole CLI process (start-up, ledger verification,
// decrypt, re-encrypt, verify, backups, atomic replaces with fsync, signed entry, `git add`).
// Target: under 1.5 s. Baselines measured in the same run, because the machine is shared and
// noisy: `node -e 0` (process start-up) and the bare crypto of the same work in-process
// (decrypt 10k tokens, encrypt 10k, decrypt 10k to verify, one CSPRNG call per IV). Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { benchEnv } from './lib/clean-env.mjs';

const FILES = 100;
const VARIABLES = 100;
const RUNS = 5;
const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.cjs');

// The setup and the crypto baseline use envguard's own modules, bundled from source.
const bundled = await build({
  stdin: {
    contents: `
      export { parseDotenv } from './src/core/dotenv/index.ts';
      export { encryptDocument, decryptEncryptedFile, parseEncryptedFile } from './src/core/encrypted-file.ts';
      export { generateKey } from './src/core/key.ts';
      export { createGenesis } from './src/core/ledger/index.ts';
      export { saveKey } from './src/io/key-store.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const lib = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const temp = mkdtempSync(path.join(os.tmpdir(), 'envguard-bench-rotate-'));
const home = path.join(temp, 'home');
const repo = path.join(temp, 'repo');
mkdirSync(home, { recursive: true });
mkdirSync(repo, { recursive: true });
writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = Bench\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n');
// Only what the CLI needs: no NODE_EXTRA_CA_CERTS (benchEnv says so), for the rotation and its baseline alike.
const env = {
  PATH: benchEnv().PATH,
  HOME: home,
  GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
  GIT_CONFIG_NOSYSTEM: '1',
  ENVGUARD_HOME: path.join(home, 'envguard'),
  NO_COLOR: '1',
};
const git = (...args) => {
  const result = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
};

try {
  git('init', '-q');
  const key = lib.generateKey(randomBytes);
  const projectId = randomUUID();
  lib.saveKey(env, projectId, 'default', key);
  const ledger = lib.createGenesis({ key, projectId, environment: 'default', actor: { name: 'Bench', email: 'bench@example.com' }, now: new Date() });
  writeFileSync(path.join(repo, '.env.ledger.json'), `${JSON.stringify(ledger, null, 2)}\n`);
  const documents = [];
  for (let file = 0; file < FILES; file++) {
    const lines = [];
    for (let variable = 0; variable < VARIABLES; variable++) lines.push(`VAR_${variable}=${randomBytes(24).toString('base64url')}`);
    const doc = lib.parseDotenv(`${lines.join('\n')}\n`);
    documents.push(doc);
    const dir = file === 0 ? repo : path.join(repo, 'services', String(file).padStart(2, '0'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '.env.encrypted'), lib.encryptDocument(doc, key, { now: Math.floor(Date.now() / 1000), random: randomBytes }));
  }
  git('add', '-A');
  git('commit', '-qm', 'bench setup');

  const time = (fn) => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const best = (runs, fn) => Math.min(...Array.from({ length: runs }, () => time(fn)));

  const startup = best(RUNS, () => spawnSync(process.execPath, ['-e', '0'], { env }));
  const rotations = [];
  for (let run = 0; run < RUNS; run++) {
    rotations.push(
      time(() => {
        const result = spawnSync(process.execPath, [cli, 'rotate', '--force', '--reason', `bench ${run}`], { cwd: repo, env, encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`rotate failed (${result.status}): ${result.stderr}`);
      }),
    );
  }
  // The same cryptographic work as a rotation, in-process: decrypt with the old key, encrypt
  // with the new one, decrypt again to verify.
  const encrypted = documents.map((doc) => lib.encryptDocument(doc, key, { now: Math.floor(Date.now() / 1000), random: randomBytes }));
  const crypto = best(RUNS, () => {
    const other = lib.generateKey(randomBytes);
    const now = Math.floor(Date.now() / 1000);
    for (const text of encrypted) {
      const plaintext = lib.decryptEncryptedFile(lib.parseEncryptedFile(text, 'f'), key, 'f');
      const output = lib.encryptDocument(lib.parseDotenv(plaintext), other, { now, random: randomBytes });
      lib.decryptEncryptedFile(lib.parseEncryptedFile(output, 'f'), other, 'f');
    }
  });
  const rotate = Math.min(...rotations);
  const median = [...rotations].sort((a, b) => a - b)[Math.floor(rotations.length / 2)];
  const fmt = (ms) => `${ms.toFixed(0)} ms`;
  console.log(`rotate ${FILES} files x ${VARIABLES} variables (${FILES * VARIABLES} tokens), whole CLI process, ${RUNS} runs:`);
  console.log(`  best ${fmt(rotate)}, median ${fmt(median)} (target < 1500 ms: ${rotate < 1500 ? 'met' : 'NOT met'})`);
  console.log(`  baseline node -e 0: ${fmt(startup)} -> rotate is ${(rotate / startup).toFixed(1)}x process start-up`);
  console.log(`  baseline in-process decrypt + re-encrypt + verify of the same files: ${fmt(crypto)} -> rotate is ${(rotate / crypto).toFixed(2)}x the bare crypto`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
