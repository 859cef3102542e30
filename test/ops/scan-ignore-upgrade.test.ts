import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { legacyFingerprint, secretFingerprint } from '../../src/core/scan/allow-list.js';
import { defaultContext } from '../../src/ops/context.js';
import { scanPaths, scanStaged, upgradeIgnoreFile } from '../../src/ops/scan.js';
import { ALNUM, fake, join, reseed } from '../core/scan/synthetic.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

reseed(4242);
const stripe = () => join('sk', '_live_', fake(ALNUM, 28));

describe('.envguardignore keyed by the project salt', () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  function withLogger() {
    const warnings: string[] = [];
    const log = { info() {}, debug() {}, warn: (message: string) => warnings.push(message) };
    return { ctx: defaultContext({ cwd: repo.dir, env: repo.env, log }), warnings };
  }

  it('keys fingerprints with the ledger project id, so a keyless scan of the same project honours entries', async () => {
    repo = createTempRepo();
    const accepted = stripe();
    const projectId = '5d7c1f7e-2b8a-4c47-9e0d-2f3a4b5c6d7e';
    repo.write('.env.ledger.json', JSON.stringify({ projectId }));
    repo.write('docs/setup.md', `Use ${accepted} in the sandbox.\n`);
    const { ctx } = withLogger();
    const [finding] = (await scanPaths(ctx, ['docs'], { knownValues: [] })).findings;
    expect(finding?.fingerprint).toBe(secretFingerprint(accepted, projectId));
    repo.write('.envguardignore', `${finding?.fingerprint} stripe-secret-key\n`);
    repo.git('add', 'docs', '.envguardignore');
    expect((await scanStaged(ctx, { knownValues: [] })).findings).toEqual([]);
    // The same entry does not accept the secret in another project (another salt).
    repo.write('.env.ledger.json', JSON.stringify({ projectId: 'another-project' }));
    expect((await scanPaths(ctx, ['docs'], { knownValues: [] })).findings).toHaveLength(1);
  });

  it('still honours a bare sha256 entry, warns with the upgrade command, and the command keys it', async () => {
    repo = createTempRepo();
    const accepted = stripe();
    repo.write('.env.ledger.json', JSON.stringify({ projectId: 'p-1' }));
    repo.write('docs/setup.md', `Use ${accepted} in the sandbox.\n`);
    repo.write('.envguardignore', `# sandbox key\n${legacyFingerprint(accepted)} stripe-secret-key\n${legacyFingerprint('removed long ago')} jwt\n`);
    const { ctx, warnings } = withLogger();
    expect((await scanPaths(ctx, ['docs'], { knownValues: [] })).findings).toEqual([]);
    expect(warnings.join('\n')).toContain('envguard scan --upgrade-ignore');
    expect(warnings.join('\n')).not.toContain(accepted);

    expect(await upgradeIgnoreFile(ctx)).toEqual({ upgraded: 1, remaining: 1 });
    const text = readFileSync(path.join(repo.dir, '.envguardignore'), 'utf8');
    expect(text).toBe(`# sandbox key\n${secretFingerprint(accepted, 'p-1')} stripe-secret-key\n${legacyFingerprint('removed long ago')} jwt\n`);
    warnings.length = 0;
    expect((await scanPaths(ctx, ['docs'], { knownValues: [] })).findings).toEqual([]);
  });
});
