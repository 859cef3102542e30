// Parsing speed of the lossless .env model: time per variable at 1k / 10k / 100k variables
// (linear parsing keeps it flat) and the ratio to dotenv.parse() on the same text, measured
// in the same run because the machine is shared and noisy. Also times adversarial inputs that
// would be quadratic for a naive closing-quote search. Prints figures; asserts nothing.
// In-process only: no node start-up is timed, so NODE_EXTRA_CA_CERTS cannot skew it.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const dotenv = require('dotenv');

const bundled = await build({
  entryPoints: [new URL('../src/core/dotenv/index.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const { parseDotenv, serializeDotenv } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

function documentOf(variables) {
  const lines = [];
  for (let i = 0; i < variables; i += 1) {
    switch (i % 5) {
      case 0: lines.push(`export VAR_${i}=plain-value-${i} # comment`); break;
      case 1: lines.push(`VAR_${i}="double \\n quoted ${i}"`); break;
      case 2: lines.push(`VAR_${i}='single ${i}'`); break;
      case 3: lines.push(`VAR_${i}="multi\nline ${i}"`); break;
      default: lines.push(`# comment ${i}`, '', `VAR_${i}=\`tick ${i}\``);
    }
  }
  return lines.join('\n');
}

function bestOf(runs, fn) {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

console.log('(in-process: no child process is timed, so NODE_EXTRA_CA_CERTS plays no part)');
const fmt = (ms) => `${ms.toFixed(2)} ms`;
let perVarAt1k;
for (const variables of [1_000, 10_000, 100_000]) {
  const text = documentOf(variables);
  if (serializeDotenv(parseDotenv(text)) !== text) throw new Error('round trip failed');
  const runs = variables >= 100_000 ? 3 : 10;
  const ours = bestOf(runs, () => parseDotenv(text));
  const theirs = bestOf(runs, () => dotenv.parse(text));
  const perVar = (ours * 1000) / variables;
  perVarAt1k ??= perVar;
  console.log(
    `${String(variables).padStart(6)} vars (${(text.length / 1024).toFixed(0)} KiB): parseDotenv ${fmt(ours)}, dotenv.parse ${fmt(theirs)}, ratio ${(ours / theirs).toFixed(2)}x, ${perVar.toFixed(2)} us/var (${(perVar / perVarAt1k).toFixed(2)}x the 1k figure)`,
  );
}

const adversarial = {
  'escaped quotes, the last one closes (20k lines)': `A="x\\"\n${'b\\"\n'.repeat(20_000)}`,
  'unterminated quote then 200 KiB (refused)': `A="${'x'.repeat(200_000)}`,
  '20k quoted values each followed by a blank line': 'A="x"\n\n'.repeat(20_000),
  '20k empty values': 'A=\n'.repeat(20_000),
};
for (const [name, text] of Object.entries(adversarial)) {
  const ms = bestOf(3, () => {
    try {
      parseDotenv(text);
    } catch {
      // refused input is timed too
    }
  });
  console.log(`adversarial: ${name}: ${fmt(ms)}`);
}
