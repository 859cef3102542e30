// Runs around `npm pack` / `npm publish` (prepack: strip, postpack: restore) so the published
// package.json carries none of this project's own development hooks: `"prepare": "husky"` would make
// every install of envguard report an install script, and husky is a devDependency users never get.
// The original bytes are kept beside it and put back afterwards, even after a pack that failed midway.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const manifestPath = path.join(root, 'package.json');
const backupPath = path.join(root, '.package.json.prepack');

// Lifecycle scripts npm would run when the package is installed, plus the dev-only ones.
const DROPPED_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack'];

function strip() {
  // A pack killed before postpack left the stripped file in place: start again from the original.
  if (existsSync(backupPath)) renameSync(backupPath, manifestPath);
  const original = readFileSync(manifestPath, 'utf8');
  const manifest = JSON.parse(original);
  for (const name of DROPPED_SCRIPTS) delete manifest.scripts?.[name];
  writeFileSync(backupPath, original);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

function restore() {
  if (existsSync(backupPath)) renameSync(backupPath, manifestPath);
}

const action = process.argv[2];
if (action === 'strip') strip();
else if (action === 'restore') restore();
else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
