#!/usr/bin/env node
// Recall and false alarms of the secret scan on the corpus in test/fixtures/scan-corpus (every
// provider rule's synthetic true example in nine syntaxes, its near miss and placeholder versions,
// and hand-written non-secrets), per rule family and per syntax. The corpus is built from the
// rule cases in test/core/scan/rule-cases: it measures the rules against the formats as we read
// them in the providers' documentation, not against an external corpus.
//
//   node bench/scan-recall.mjs
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, ENVGUARD_RECALL_REPORT: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
// Same rule as the other benches: no extra CA bundle in the measured process.
delete env.NODE_EXTRA_CA_CERTS;
const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/core/scan/scan-recall.test.ts'], { cwd: root, env, encoding: 'utf8' });
const out = `${result.stdout}${result.stderr}`;
const report = /<<recall-report\n([\s\S]*?)recall-report>>/.exec(out);
console.log(report ? report[1] : out);
console.log(`(NODE_EXTRA_CA_CERTS unset; test ${result.status === 0 ? 'passed' : 'FAILED'})`);
process.exitCode = result.status ?? 1;
