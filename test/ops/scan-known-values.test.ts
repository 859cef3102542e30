import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatJson } from '../../src/core/scan/format-json.js';
import { formatSarif } from '../../src/core/scan/format-sarif.js';
import { formatText } from '../../src/core/scan/format-text.js';
import { defaultContext } from '../../src/ops/context.js';
import { scanPaths, scanSince, scanStaged } from '../../src/ops/scan.js';
import { ALNUM, fake, reseed } from '../core/scan/synthetic.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

/**
 * The project's own values are found wherever the staged change puts them (issue 16 items 2-3):
 * binary blobs, paths the provider rules skip, env files in subfolders; and output shows no
 * character of them (item 4).
 */
reseed(4242);

describe('known values in the staged change', () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());
  const ctx = () => defaultContext({ cwd: repo.dir, env: repo.env });
  const put = (file: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(repo.dir, file)), { recursive: true });
    writeFileSync(path.join(repo.dir, file), content);
  };

  function projectWith(envText: string, file = '.env'): void {
    repo = createTempRepo();
    repo.write('.gitignore', '.env\n.env.*\n');
    repo.write(file, envText);
    repo.write('README.md', 'base\n');
    repo.git('add', '.gitignore', 'README.md');
    repo.git('commit', '-qm', 'base');
  }

  const token = fake(ALNUM, 24);

  const places: Record<string, (value: string) => string | Buffer> = {
    'a file with NUL bytes': (value) => Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`token=${value}`), Buffer.from([0])]),
    'a sqlite file': (value) => Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(100), Buffer.from(value), Buffer.alloc(50)]),
    'a *.pdf-named text file': (value) => `notes: ${value}\n`,
    'a *.js.map': (value) => `{"sourcesContent":["const k = '${value}'"]}\n`,
    'a lockfile': (value) => `{"token": "${value}"}\n`,
    'a vendor/ path': (value) => `key = "${value}"\n`,
    'a node_modules/ path': (value) => `module.exports = "${value}";\n`,
    'a file marked -diff': (value) => `secret: ${value}\n`,
    // Git calls the file text (no NUL in its first 8000 bytes); the added line alone starts with one.
    'an added line with a NUL past byte 8000': (value) => `${`${'a'.repeat(99)}\n`.repeat(90)}\0${value}\n`,
  };
  const paths: Record<string, string> = {
    'a file with NUL bytes': 'assets/blob.bin',
    'a sqlite file': 'data/app.sqlite',
    'a *.pdf-named text file': 'docs/notes.pdf',
    'a *.js.map': 'dist/app.js.map',
    'a lockfile': 'package-lock.json',
    'a vendor/ path': 'vendor/lib/config.rb',
    'a node_modules/ path': 'node_modules/dep/index.js',
    'a file marked -diff': 'config/opaque.txt',
    'an added line with a NUL past byte 8000': 'logs/trace.txt',
  };
  for (const [place, content] of Object.entries(places)) {
    it(`finds a .env value in ${place}`, async () => {
      projectWith(`API_TOKEN=${token}\n`);
      if (place === 'a file marked -diff') {
        repo.write('.gitattributes', 'config/opaque.txt -diff\n');
        repo.git('add', '.gitattributes');
      }
      if (place === 'an added line with a NUL past byte 8000') {
        repo.write(paths[place] as string, `${'a'.repeat(99)}\n`.repeat(90));
        repo.git('add', paths[place] as string);
        repo.git('commit', '-qm', 'log');
      }
      put(paths[place] as string, content(token));
      repo.git('add', '-f', paths[place] as string);
      const report = await scanStaged(ctx());
      expect(report.findings.map((f) => [f.file, f.ruleId, f.preview])).toEqual([[paths[place], 'known-value', 'API_TOKEN from .env']]);
    });
  }

  it('finds values of an env file in a subfolder, and short sensitive ones with todo, <…> or %s in them', async () => {
    projectWith('', '.env');
    repo.write('services/api/.env', 'DB_PWD=todo-Hunter7\nREDIS_AUTH=pa%ssw<0>rd\n');
    repo.write('services/api/config.js', 'const a = "todo-Hunter7";\nconst b = "pa%ssw<0>rd";\n');
    repo.git('add', 'services/api/config.js');
    const report = await scanStaged(ctx());
    expect(report.findings.map((f) => [f.line, f.preview])).toEqual([
      [1, 'DB_PWD from services/api/.env'],
      [2, 'REDIS_AUTH from services/api/.env'],
    ]);
  });

  it('does not look for a greeting, nor for names in publicNames; honours sensitiveNames', async () => {
    projectWith('WELCOME_MESSAGE=Welcome to our app!\nSTRIPE_PUBLISHABLE_KEY=pk_demo_abcdef12\nSHOP_PIN_CODE=lettuce9\n');
    repo.write('.envguard.json', JSON.stringify({ publicNames: ['STRIPE_PUBLISHABLE_KEY'], sensitiveNames: ['SHOP_PIN_CODE'] }));
    repo.write('test/app.test.ts', 'expect(page).toContain("Welcome to our app!");\nconst pk = "pk_demo_abcdef12";\nconst pin = "lettuce9";\n');
    repo.git('add', '.');
    const report = await scanStaged(ctx());
    expect(report.findings.map((f) => [f.line, f.preview])).toEqual([[3, 'SHOP_PIN_CODE from .env']]);
  });

  it('finds known values in binary files of scan PATH and of scan --since', async () => {
    projectWith(`API_TOKEN=${token}\n`);
    const base = repo.git('rev-parse', 'HEAD').trim();
    put('assets/blob.bin', Buffer.concat([Buffer.from([0, 0]), Buffer.from(token)]));
    repo.git('add', 'assets/blob.bin');
    repo.git('commit', '-qm', 'binary');
    expect((await scanPaths(ctx(), ['assets'])).findings.map((f) => f.ruleId)).toEqual(['known-value']);
    expect((await scanSince(ctx(), base)).findings.map((f) => [f.file, f.ruleId])).toEqual([['assets/blob.bin', 'known-value']]);
  });

  it('prints no character of any secret in text, JSON or SARIF', async () => {
    projectWith(`DB_PWD=Tr0ub4d-x\n`);
    const stripe = `sk_live_${fake(ALNUM, 28)}`;
    repo.write('src/app.ts', `const pw = "Tr0ub4d-x";\nconst key = "${stripe}";\n`);
    repo.git('add', 'src/app.ts');
    const report = await scanStaged(ctx());
    expect(report.findings).toHaveLength(2);
    for (const output of [formatText(report), formatJson(report), formatSarif(report, '0.0.0')]) {
      expect(output).not.toContain('Tr0u');
      expect(output).not.toContain(stripe.slice(8, 12));
      expect(output).not.toContain('sk_l');
    }
  });
});
