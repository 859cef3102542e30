import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

/**
 * Runs a CommonJS bundle through a V8 code cache, so a start-up does not parse and compile the
 * bundle again (issue 14: parsing and compiling were about a third of a hook's instructions).
 *
 * The cache lives in the user's cache directory, never in a working tree, one file per bundle
 * content, Node version, architecture and `variant` (the command or hook: a cache holds the
 * functions its first runs compiled, and deserialising another command's costs more than it saves). V8 checks the rest (its version, flags, the source
 * length) and sets `cachedDataRejected`: then the bundle runs uncached, silently, and the cache
 * is rewritten. It is written at exit, so it holds the functions this run compiled lazily as well
 * as those it was loaded with, atomically (temp file and rename), because concurrent hooks may race
 * to write it. The first few runs of a bundle each write it again (`REFINED_AFTER`): a first run that
 * took a short path (a post-checkout with nothing to decrypt) would otherwise leave every later run
 * compiling the long path's functions again (~10% more instructions, bench/hook.mjs). Then it stays.
 * `ENVGUARD_CODE_CACHE=0` turns it off.
 *
 * `load` is the launcher's own `require`: the bundles are beside it and require Node built-ins
 * only, so it resolves exactly what `createRequire(file)` would, without loading `node:module`
 * (and the ES module loader behind it) on every start.
 */
export function runBundle(file: string, variant: string, load: NodeJS.Require, env: NodeJS.ProcessEnv = process.env): void {
  const bytes = readFileSync(file);
  let source = bytes.toString('utf8');
  // A shebang is valid only at the very start of a script; keep the length, drop the meaning.
  if (source.startsWith('#!')) source = `//${source.slice(2)}`;
  const cacheFile = cacheFileFor(file, /^[a-z][a-z-]{0,39}$/.test(variant) ? variant : 'other', bytes, env);
  const cached = cacheFile ? readCache(cacheFile) : undefined;
  // The same wrapper Node's CommonJS loader puts around a module.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData: cached?.data });
  const accepted = cached !== undefined && script.cachedDataRejected !== true;
  if (cacheFile && (!accepted || cached.generation < REFINED_AFTER)) process.once('exit', () => writeCache(cacheFile, script, accepted ? cached.generation + 1 : 1));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {}, filename: file, id: file };
  wrapper.call(module.exports, module.exports, load, module, file, path.dirname(file));
}

/** `<cache dir>/envguard/v8/<bundle>-<variant>-<hash>.bin`, or undefined when caching is off or impossible. */
function cacheFileFor(file: string, variant: string, bytes: Buffer, env: NodeJS.ProcessEnv): string | undefined {
  if (env.ENVGUARD_CODE_CACHE === '0') return undefined;
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : env.HOME ? path.join(env.HOME, '.cache') : undefined;
  if (!base) return undefined;
  // V8 only compares the source length: a changed bundle of the same length must not hit. The
  // bytes as read are checksummed, not the decoded text (encoding it back to UTF-8 cost ~5M
  // instructions). A CRC-32 of the content, as Node's own module compile cache keys its entries:
  // the threat is a stale cache after an upgrade or a rebuild, not an adversary (who could write
  // the bundle or the cache directory could run code anyway), and it costs ~0.5M instructions
  // where SHA-256 of the 500 KB bundle cost ~15M (bench/hook.mjs). zlib.crc32 is Node >= 20.15.
  const sum = typeof zlib.crc32 === 'function' ? `${zlib.crc32(bytes).toString(16).padStart(8, '0')}${bytes.length.toString(16).padStart(8, '0')}` : createHash('sha256').update(bytes).digest('hex');
  const hash = createHash('sha256').update(`${process.version}\0${process.arch}\0${sum}`).digest('hex').slice(0, 32);
  return path.join(base, 'envguard', 'v8', `${path.basename(file, '.cjs')}-${variant}-${hash}.bin`);
}

/** A cache file: `EGV8`, the generation (how many runs have written it), then V8's data. */
const MAGIC = 'EGV8';
/** How many runs write a bundle's cache (each adds what it compiled); later runs only read it. */
const REFINED_AFTER = 4;

function readCache(file: string): { data: Buffer; generation: number } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  // Anything else (a cache of an older envguard, a damaged file) is rewritten.
  if (bytes.length <= MAGIC.length + 1 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  return { generation: bytes[MAGIC.length] as number, data: bytes.subarray(MAGIC.length + 1) };
}

/** Best effort: a cache that cannot be written (read-only home, full disk) costs only speed. */
function writeCache(file: string, script: Script, generation: number): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temp, Buffer.concat([Buffer.from(MAGIC, 'latin1'), Buffer.from([generation]), script.createCachedData()]), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
    return;
  }
  if (generation === 1) pruneOlderCaches(file);
}

/** How many caches of one bundle and variant are kept: two envguard versions used in turn keep theirs. */
const KEPT = 3;

/**
 * Each upgrade or rebuild of a bundle gets a cache of its own (the name holds a hash of its bytes);
 * without this the directory would grow by ~450 KB per version and hook. When a new cache is first
 * written, the other caches of the same bundle and variant beyond the newest `KEPT` are removed,
 * as are temp files a killed run left (older than a minute: a concurrent writer's may be in use).
 */
function pruneOlderCaches(file: string): void {
  const dir = path.dirname(file);
  const prefix = path.basename(file).replace(/[0-9a-f]{32}\.bin$/, '');
  const now = Date.now();
  try {
    const siblings = readdirSync(dir)
      .filter((name) => name.startsWith(prefix))
      .map((name) => ({ name, mtime: statSync(path.join(dir, name)).mtimeMs }));
    const caches = siblings.filter((entry) => /^[0-9a-f]{32}\.bin$/.test(entry.name.slice(prefix.length))).sort((a, b) => b.mtime - a.mtime);
    const stale = [...caches.slice(KEPT), ...siblings.filter((entry) => entry.name.endsWith('.tmp') && now - entry.mtime > 60_000)];
    for (const entry of stale) unlinkSync(path.join(dir, entry.name));
  } catch {
    // another run pruned first, or the directory cannot be listed: it only costs disk space
  }
}
