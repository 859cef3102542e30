import { EventEmitter } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createMasker } from '../../src/core/mask/index.js';
import { spawnMasked, type SpawnMaskedOptions } from '../../src/io/spawn-masked.js';

const SECRET = 'pa55-w0rd-Zq9!xY7#kL';
const TOKEN = 'ghp_7f3KqZ0aLmN4pR8sT2uV6wX1yB5cD9eF0gH3';
const masker = createMasker([
  { name: 'DB_PASSWORD', value: SECRET },
  { name: 'GITHUB_TOKEN', value: TOKEN },
]);
const childEnv = { ...process.env, DB_PASSWORD: SECRET, GITHUB_TOKEN: TOKEN };

function collector() {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => parts.push(chunk));
  return { stream, text: () => Buffer.concat(parts).toString('utf8') };
}

async function runNode(script: string, extra: Partial<SpawnMaskedOptions> = {}) {
  const out = collector();
  const err = collector();
  const outcome = await spawnMasked({
    command: process.execPath,
    args: ['-e', script],
    cwd: process.cwd(),
    env: childEnv,
    masker,
    stdin: Readable.from([]),
    stdout: out.stream,
    stderr: err.stream,
    signalSource: new EventEmitter(),
    ...extra,
  });
  return { ...outcome, stdout: out.text(), stderr: err.text() };
}

function expectNoSecret(text: string) {
  for (const value of [SECRET, TOKEN, Buffer.from(SECRET).toString('base64'), encodeURIComponent(SECRET)]) {
    for (let i = 0; i + 6 <= value.length; i++) expect(text).not.toContain(value.slice(i, i + 6));
  }
}

describe('spawnMasked', () => {
  it('masks a secret the child prints byte by byte, in separate writes apart in time', async () => {
    const script = `
      const text = 'pw=' + process.env.DB_PASSWORD + ' tok=' + process.env.GITHUB_TOKEN + ' done';
      let i = 0;
      const timer = setInterval(() => {
        process.stdout.write(text[i]);
        process.stderr.write(text[i]);
        if (++i === text.length) clearInterval(timer);
      }, 1);`;
    const result = await runNode(script);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('pw=**** tok=**** done');
    expect(result.stderr).toBe('pw=**** tok=**** done');
    expectNoSecret(result.stdout);
    expectNoSecret(result.stderr);
  });

  it('masks raw, base64 and URL-encoded secrets in large chunks on stdout and stderr', async () => {
    const script = `
      const s = process.env.DB_PASSWORD, t = process.env.GITHUB_TOKEN;
      const filler = 'x'.repeat(65536 - 3);
      const body = [filler, s, filler, Buffer.from(s).toString('base64'), encodeURIComponent(s), filler, t, Buffer.from('u:' + t).toString('base64')].join('|');
      for (let n = 0; n < 8; n++) process.stdout.write(body + '\\n');
      process.stderr.write('error: password ' + s + ' rejected\\n');`;
    const result = await runNode(script);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toHaveLength(9);
    // Compare a summary, not megabytes of text: what each |-separated field became.
    const shape = (line: string) => line.split('|').map((field) => (/^x+$/.test(field) ? `x*${field.length}` : field));
    for (const line of lines.slice(0, 8)) expect(shape(line)).toEqual(['x*65533', '****', 'x*65533', '****', '****', 'x*65533', '****', expect.stringMatching(/^dT\S?\*{4}\S{0,3}$/)]);
    expect(result.stderr).toBe('error: password **** rejected\n');
    expectNoSecret(result.stdout);
  });

  it('exits with the child exit code', async () => {
    expect((await runNode('process.exit(7)')).exitCode).toBe(7);
  });

  it('reports a child killed by SIGTERM as 143', async () => {
    const result = await runNode("process.kill(process.pid, 'SIGTERM'); setTimeout(() => {}, 5000)");
    expect(result).toMatchObject({ exitCode: 143, signal: 'SIGTERM' });
  });

  it('forwards SIGINT, SIGTERM and SIGHUP to the child', async () => {
    for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]] as const) {
      const signals = new EventEmitter();
      const script = `
        process.on('${signal}', () => { console.log('got ${signal}'); process.exit(${number}); });
        console.log('ready'); setTimeout(() => {}, 10000);`;
      const out = collector();
      out.stream.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) signals.emit(signal, signal);
      });
      const outcome = await spawnMasked({ command: process.execPath, args: ['-e', script], cwd: process.cwd(), env: childEnv, masker, stdin: Readable.from([]), stdout: out.stream, stderr: new PassThrough(), signalSource: signals });
      expect(outcome.exitCode).toBe(number);
      expect(out.text()).toContain(`got ${signal}`);
      expect(signals.listenerCount(signal)).toBe(0);
    }
  });

  it('leaves SIGINT to the terminal when it already reaches the child', async () => {
    const signals = new EventEmitter();
    const script = `process.on('SIGINT', () => { console.log('got SIGINT'); process.exit(2); }); console.log('ready'); setTimeout(() => process.exit(0), 300);`;
    const out = collector();
    out.stream.on('data', () => signals.emit('SIGINT', 'SIGINT'));
    const outcome = await spawnMasked({ command: process.execPath, args: ['-e', script], cwd: process.cwd(), env: childEnv, masker, stdin: Readable.from([]), stdout: out.stream, stderr: new PassThrough(), signalSource: signals, terminalDeliversSigint: true });
    expect(outcome.exitCode).toBe(0);
    expect(out.text()).not.toContain('got SIGINT');
  });

  it('forwards stdin, and masks secrets the child echoes from it', async () => {
    const result = await runNode("process.stdin.pipe(process.stdout)", { stdin: Readable.from([Buffer.from('line one\n'), Buffer.from(`secret ${SECRET.slice(0, 5)}`), Buffer.from(`${SECRET.slice(5)} end\n`)]) });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('line one\nsecret **** end\n');
  });

  it('ends the child with SIGPIPE when our stdout closes under it, instead of running forever', async () => {
    const closed = new Writable({ write: (_chunk, _encoding, callback) => callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })) });
    const outcome = await spawnMasked({ command: 'sh', args: ['-c', 'while :; do echo y; done'], cwd: process.cwd(), env: childEnv, masker, stdin: Readable.from([]), stdout: closed, stderr: new PassThrough(), signalSource: new EventEmitter() });
    expect(outcome).toEqual({ exitCode: 141, signal: 'SIGPIPE' });
  });

  it('passes output through unchanged without a masker', async () => {
    const result = await runNode('process.stdout.write(process.env.DB_PASSWORD.length + " chars")', { masker: undefined });
    expect(result.stdout).toBe(`${SECRET.length} chars`);
  });

  it('fails with a clear IO_ERROR, not an unexpected error, when the environment is over the system limit', async () => {
    // 100,000 variables of 100 bytes (a 10 MB .env) cannot be handed to a process: E2BIG, thrown by spawn itself.
    const huge: NodeJS.ProcessEnv = { ...childEnv };
    for (let i = 0; i < 40_000; i++) huge[`SERVICE_${i}_API_KEY`] = `sk_${'x'.repeat(70)}`;
    await expect(spawnMasked({ command: process.execPath, args: ['-e', '0'], cwd: process.cwd(), env: huge, masker, stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough(), signalSource: new EventEmitter() })).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringMatching(/^could not start .*node: its environment \(\d+ variables, [\d.]+ MB\) is larger than the system allows a new process$/),
    });
  });

  it('fails with NOT_FOUND for a missing command, naming only the command', async () => {
    await expect(spawnMasked({ command: 'envguard-no-such-command', args: [SECRET], cwd: process.cwd(), env: childEnv, masker, stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough(), signalSource: new EventEmitter() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'command not found: envguard-no-such-command',
    });
  });
});
