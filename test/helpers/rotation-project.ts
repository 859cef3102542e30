import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseDotenv } from '../../src/core/dotenv/index.js';
import { decryptEncryptedFile, encryptDocument, encryptWhole, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { fingerprint, generateKey, type FernetKey } from '../../src/core/key.js';
import { createGenesis, type Ledger } from '../../src/core/ledger/index.js';
import { allStoredKeys, saveKey } from '../../src/io/key-store.js';
import { createTempRepo, type TempRepo } from './temp-repo.js';
import { trickyEnv } from './tricky-env.js';

/**
 * A real git repository set up as `envguard init` leaves it: a key in the isolated key store,
 * the genesis ledger at the top, and `files` encrypted env files of one environment (the first
 * at the top, the rest under `services/NN/`), each with its own fake values.
 */
export interface RotationProject {
  repo: TempRepo;
  projectId: string;
  environment: string;
  key: FernetKey;
  /** Repository-relative encrypted file → its plaintext. */
  plaintexts: Map<string, string>;
  /** Every value in every file: outputs must contain none of them. */
  secretValues: string[];
}

export interface ProjectOptions {
  files: number;
  variables: number;
  environment?: string;
  /** Make the top file the legacy whole-file token. */
  wholeTop?: boolean;
  /** Commit the initial state. */
  commit?: boolean;
}

export function createRotationProject(options: ProjectOptions): RotationProject {
  const repo = createTempRepo();
  const environment = options.environment ?? 'default';
  const envFile = environment === 'default' ? '.env' : `.env.${environment}`;
  const projectId = randomUUID();
  const key = generateKey(randomBytes);
  saveKey(repo.env, projectId, environment, key);
  const ledger = createGenesis({ key, projectId, environment, actor: { name: 'Test User', email: 'test@example.com' }, now: new Date(Date.now() - 100 * 86_400_000) });
  repo.write(`${envFile}.ledger.json`, `${JSON.stringify(ledger, null, 2)}\n`);
  const plaintexts = new Map<string, string>();
  const secretValues: string[] = [];
  const now = Math.floor(Date.now() / 1000);
  for (let index = 0; index < options.files; index++) {
    const file = index === 0 ? `${envFile}.encrypted` : `services/${String(index).padStart(2, '0')}/${envFile}.encrypted`;
    const lines: string[] = ['# service settings'];
    for (let variable = 0; variable < options.variables; variable++) {
      const value = `s${index}v${variable}-${randomBytes(9).toString('base64url')}`;
      secretValues.push(value);
      lines.push(variable % 10 === 3 ? `export VAR_${variable}="${value}" # quoted` : `VAR_${variable}=${value}`);
    }
    const plaintext = index === 1 ? trickyEnv(40) : `${lines.join('\n')}\n`;
    const encrypted = index === 0 && options.wholeTop ? encryptWhole(plaintext, key, { now, random: randomBytes }) : encryptDocument(parseDotenv(plaintext), key, { now, random: randomBytes });
    repo.write(file, encrypted);
    plaintexts.set(file, plaintext);
  }
  if (options.commit !== false) {
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'init');
  }
  return { repo, projectId, environment, key, plaintexts, secretValues };
}

/** Decrypts a file with whichever stored key its header names (the machine's current or retired keys). */
export function decryptWithStore(project: RotationProject, file: string): { plaintext: string; key: FernetKey } {
  const parsed = parseEncryptedFile(project.repo.read(file), file);
  const keys = allStoredKeys(project.repo.env, project.projectId);
  for (const key of keys) {
    try {
      return { plaintext: decryptEncryptedFile(parsed, key, file), key };
    } catch {
      // try the next stored key
    }
  }
  throw new Error(`${file} decrypts with no key in the store (${keys.length} keys)`);
}

export function readLedger(project: RotationProject): Ledger {
  const envFile = project.environment === 'default' ? '.env' : `.env.${project.environment}`;
  return JSON.parse(project.repo.read(`${envFile}.ledger.json`)) as Ledger;
}

export function storeFingerprints(project: RotationProject): string[] {
  return allStoredKeys(project.repo.env, project.projectId).map(fingerprint).sort();
}

export function keyStoreDir(project: RotationProject): string {
  return path.join(project.repo.env.ENVGUARD_HOME as string, project.projectId);
}
