// The environment every bench runs its commands in. NODE_EXTRA_CA_CERTS is removed for both the
// command and its baseline: when set (as on the machines this was built on) it makes every `node`
// start about four times slower, which hides envguard's own cost behind the baseline (issue 14).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

let announced = false;

/** process.env without NODE_EXTRA_CA_CERTS (says so once on stdout), plus `extra`. */
export function benchEnv(extra = {}) {
  if (!announced) {
    announced = true;
    const was = process.env.NODE_EXTRA_CA_CERTS === undefined ? 'was not set' : 'was set: unset';
    console.log(`(NODE_EXTRA_CA_CERTS ${was} for every command and baseline in this bench)`);
  }
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/**
 * An environment isolated from the machine's git config and key store, like the tests: a fresh
 * HOME under `work`, no GIT_* from the caller, no key in the environment, and no NODE_OPTIONS or
 * NODE_DEBUG (flags of the caller's that would be timed as envguard's). `gitConfig` is appended to
 * the private global git config (e.g. `[gc]\n\tauto = 0\n`).
 */
export function isolatedEnv(work, { gitConfig = '' } = {}) {
  const home = path.join(work, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(path.join(home, '.gitconfig'), `[user]\n\tname = Bench\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n${gitConfig}`);
  const env = benchEnv({ HOME: home, GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', ENVGUARD_HOME: path.join(home, 'envguard'), NO_COLOR: '1' });
  for (const name of Object.keys(env)) if (name.startsWith('GIT_') && !['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM'].includes(name)) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('ENVGUARD_KEY')) delete env[name];
  for (const name of ['SECRETS_MASTER_KEY', 'ENVGUARD_IDENTITY', 'ENVGUARD_IDENTITY_FILE', 'XDG_CACHE_HOME', 'NODE_OPTIONS', 'NODE_DEBUG']) delete env[name];
  return env;
}
