import path from 'node:path';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { readPackageFile, runningCliPath } from '../../io/package-files.js';
import { makeDir, readTextIfExists } from '../../io/read-file.js';
import type { OpsContext } from '../context.js';

/** How git finds envguard for the drivers: the runner in the common git dir (see hooks/run.sh). */
const RUN = 'sh "$(git rev-parse --git-common-dir)/envguard/run"';

/** Local git config for the drivers that `.gitattributes` names (never global config). */
const DRIVER_SETTINGS: ReadonlyArray<readonly [string, string]> = [
  ['diff.envguard.textconv', `${RUN} hook textconv`],
  ['diff.envguard.cachetextconv', 'false'],
  ['merge.envguard.name', 'envguard: per-variable merge of encrypted env files'],
  ['merge.envguard.driver', `${RUN} hook merge-driver %O %A %B %P`],
  ['merge.envguard-ledger.name', 'envguard: append-only merge of rotation ledgers'],
  ['merge.envguard-ledger.driver', `${RUN} hook merge-ledger %O %A %B %P`],
];

/**
 * Writes `<common git dir>/envguard/run` (and the CLI path it falls back to) and the local
 * diff/merge driver config. Idempotent; returns whether anything changed. Run by `init`, and by
 * the hooks themselves when the runner is missing: in a fresh clone of a husky project the hooks
 * arrive with `npm install`, but git config and the git dir are never cloned.
 */
export function installDrivers(ctx: OpsContext): boolean {
  const { root, commonDir } = ctx.repo;
  let changed = false;
  const dir = path.join(commonDir, 'envguard');
  makeDir(dir);
  const runner = readPackageFile('hooks', 'run.sh');
  if (readTextIfExists(path.join(dir, 'run')) !== runner) {
    writeFileAtomic(path.join(dir, 'run'), runner, { mode: 0o755 });
    changed = true;
  }
  const cli = runningCliPath();
  if (cli && readTextIfExists(path.join(dir, 'cli-path')) !== `${cli}\n`) {
    writeFileAtomic(path.join(dir, 'cli-path'), `${cli}\n`);
    changed = true;
  }
  for (const [name, value] of DRIVER_SETTINGS) {
    const current = ctx.git.exec(['config', '--local', '--get', name], { cwd: root, okCodes: [1] }).stdout.toString('utf8').trim();
    if (current === value) continue;
    ctx.git.exec(['config', '--local', name, value], { cwd: root });
    changed = true;
  }
  return changed;
}
