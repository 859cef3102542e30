import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { formatKey, generateKey } from '../../src/core/key.js';
import { decryptEnvFile } from '../../src/ops/decrypt.js';
import { setVariable } from '../../src/ops/set-variable.js';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';

/** "Under another key than this machine's" is one situation with one code, whichever command meets it (issue 9). */
describe('a file under another key', () => {
  let project: EnvProject | undefined;
  afterEach(() => project?.repo.cleanup());

  it('is KEY_MISMATCH for set as for decrypt, and nothing is written', () => {
    project = createEnvProject('A=1\n');
    const other = project.ctx({ ENVGUARD_KEY: formatKey(generateKey(randomBytes)) });
    const before = project.repo.read('.env.encrypted');
    expect(() => decryptEnvFile(other, { force: true })).toThrow(expect.objectContaining({ code: 'KEY_MISMATCH' }));
    expect(() => setVariable(other, { envName: 'default', name: 'B', value: '2' })).toThrow(expect.objectContaining({ code: 'KEY_MISMATCH', message: expect.stringMatching(/^cannot change \.env: /) }));
    expect(project.repo.read('.env.encrypted')).toBe(before);
    expect(project.repo.read('.env')).toBe('A=1\n');
  });
});
