import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The official Fernet vectors, vendored so a fresh clone tests itself (source and licence: test/vectors/fernet/README.md). */
export const SPEC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../vectors/fernet');

export interface SpecVector {
  token: string;
  now: string;
  iv?: number[];
  src?: string;
  secret: string;
  ttl_sec?: number;
  desc?: string;
}

export function readVectors(name: 'generate' | 'verify' | 'invalid'): SpecVector[] {
  return JSON.parse(readFileSync(path.join(SPEC_DIR, `${name}.json`), 'utf8')) as SpecVector[];
}
