import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SpawnMaskedOptions } from '../../src/io/spawn-masked.js';
import { defaultContext, silentLogger, type OpsContext } from '../../src/ops/context.js';
import { childEnvironment, runMasker, runWithVariables } from '../../src/ops/run.js';

const SECRET = 'correct-horse-battery-staple';
const KEY = 'tq0Bt3ZbZXN4uUqV8LQhGnm0iXzY1bL0cW6o6rGv8VQ=';

function context(env: NodeJS.ProcessEnv): OpsContext {
  return defaultContext({ cwd: process.cwd(), now: () => new Date(0), random: (n) => Buffer.alloc(n), env, log: silentLogger });
}

describe('childEnvironment', () => {
  it('adds decrypted variables, keeps what the environment already sets unless override', () => {
    const base = { PATH: '/bin', PORT: '4000' };
    const variables = [{ name: 'PORT', value: '3000' }, { name: 'DB_PASSWORD', value: SECRET }, { name: 'PORT', value: '3001' }];
    expect(childEnvironment(base, variables, false)).toEqual({ PATH: '/bin', PORT: '4000', DB_PASSWORD: SECRET });
    expect(childEnvironment(base, variables, true)).toEqual({ PATH: '/bin', PORT: '3001', DB_PASSWORD: SECRET });
    expect(base).toEqual({ PATH: '/bin', PORT: '4000' });
  });
});

describe('runMasker', () => {
  it('masks decrypted values, inherited values under their names, and envguard keys', () => {
    const masker = runMasker({ API_TOKEN: 'inherited-token-value', ENVGUARD_KEY_PRODUCTION: KEY, HOME: '/home/someone-long' }, {
      variables: [{ name: 'API_TOKEN', value: 'decrypted-token-value' }, { name: 'DB_PASSWORD', value: SECRET }],
    });
    expect(masker.mask(`a=inherited-token-value b=decrypted-token-value c=${SECRET} k=${KEY} home=/home/someone-long`)).toBe('a=**** b=**** c=**** k=**** home=/home/someone-long');
  });

  it('masks names listed as sensitive in the configuration even when short', () => {
    const masker = runMasker({}, { variables: [{ name: 'PIN', value: '4821' }], sensitiveNames: ['PIN'] });
    expect(masker.mask('pin 4821')).toBe('pin ****');
  });
});

describe('runWithVariables', () => {
  it('starts the command with the merged environment and a masker, and returns the outcome', async () => {
    let seen: SpawnMaskedOptions | undefined;
    const outcome = await runWithVariables(
      context({ PATH: '/bin' }),
      { command: 'server', args: ['--port', '1'], variables: [{ name: 'DB_PASSWORD', value: SECRET }] },
      {
        spawn: async (options) => {
          seen = options;
          return { exitCode: 5, signal: null };
        },
      },
    );
    expect(outcome.exitCode).toBe(5);
    expect(seen?.command).toBe('server');
    expect(seen?.args).toEqual(['--port', '1']);
    expect(seen?.env).toEqual({ PATH: '/bin', DB_PASSWORD: SECRET });
    expect(seen?.masker?.mask(SECRET)).toBe('****');
  });

  it('runs a real child whose output is masked, or not with mask: false', async () => {
    const run = async (mask: boolean) => {
      const out = new PassThrough();
      const parts: Buffer[] = [];
      out.on('data', (chunk: Buffer) => parts.push(chunk));
      const outcome = await runWithVariables(
        context({ PATH: process.env.PATH }),
        { command: process.execPath, args: ['-e', 'console.log("pw", process.env.DB_PASSWORD.length, process.env.DB_PASSWORD)'], variables: [{ name: 'DB_PASSWORD', value: SECRET }], mask },
        { stdin: Readable.from([]), stdout: out, stderr: new PassThrough() },
      );
      return { outcome, text: Buffer.concat(parts).toString() };
    };
    const masked = await run(true);
    expect(masked.outcome.exitCode).toBe(0);
    expect(masked.text).toBe(`pw ${SECRET.length} ****\n`);
    expect((await run(false)).text).toBe(`pw ${SECRET.length} ${SECRET}\n`);
  });
});
