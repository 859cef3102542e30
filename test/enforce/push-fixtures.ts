import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLI } from '../helpers/run-cli.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

/** A GitHub token shape the provider rules know, built at run time so this file holds none. */
export function fakeToken(): string {
  return `ghp_${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A'.slice(0, 36)}`;
}

/** A client repository with a bare "server" as `origin`, both isolated from the machine's config. */
export interface PushFixture {
  client: TempRepo;
  server: string;
  commitFile(file: string, content: string, message?: string): string;
}

export function pushFixture(options: { preReceive?: boolean } = {}): PushFixture {
  const client = createTempRepo();
  const server = path.join(path.dirname(client.dir), 'server.git');
  client.git('init', '-q', '--bare', server);
  if (options.preReceive) installPreReceive(server);
  client.git('remote', 'add', 'origin', server);
  // No background gc: it would race the temp dir's removal.
  client.git('config', 'gc.auto', '0');
  client.git('config', 'maintenance.auto', 'false');
  const commitFile = (file: string, content: string, message = `add ${file}`) => {
    client.write(file, content);
    client.git('add', '-f', '--', file);
    client.git('commit', '-q', '--no-verify', '-m', message);
    return client.git('rev-parse', 'HEAD').trim();
  };
  return { client, server, commitFile };
}

/** What a server admin installs: the bundled CLI as the bare repository's pre-receive hook. */
export function installPreReceive(server: string): void {
  const hook = path.join(server, 'hooks', 'pre-receive');
  writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" hook pre-receive\n`);
  chmodSync(hook, 0o755);
}
