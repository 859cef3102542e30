/**
 * What the scan leaves alone by default: files that hold no hand-written secrets (lockfiles,
 * images, vendored `node_modules`), binary content, and values that merely look random
 * (`sha512-…` integrity strings, UUIDs, hashes named as such).
 */

const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock', 'deno.lock',
  'composer.lock', 'gemfile.lock', 'cargo.lock', 'poetry.lock', 'pipfile.lock', 'uv.lock', 'go.sum', 'flake.lock',
  'packages.lock.json', 'podfile.lock', 'mix.lock', 'pubspec.lock',
]);
const BINARY_EXTENSIONS =
  /\.(?:png|jpe?g|gif|bmp|ico|icns|webp|avif|tiff?|psd|svgz|heic|mp[34]|m4a|mov|avi|mkv|webm|ogg|wav|flac|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|war|class|so|dylib|dll|exe|o|a|wasm|woff2?|ttf|otf|eot|pyc|node)$/i;
const SKIPPED_DIRECTORIES = /(?:^|\/)(?:node_modules|\.git|\.yarn\/cache|\.pnpm-store)\//;

/** True for paths the scan skips unless told otherwise: lockfiles, images and other binaries, `node_modules`. */
export function isDefaultSkippedPath(file: string): boolean {
  if (SKIPPED_DIRECTORIES.test(file)) return true;
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  return LOCKFILES.has(base) || BINARY_EXTENSIONS.test(base) || base.endsWith('.min.js.map') || base.endsWith('.js.map');
}

/** Binary content: a NUL in the first 8000 characters, as git itself decides. */
export function isBinaryText(text: string): boolean {
  const limit = Math.min(text.length, 8000);
  for (let i = 0; i < limit; i++) if (text.charCodeAt(i) === 0) return true;
  return false;
}

const INTEGRITY = /^sha(?:1|256|384|512)-[A-Za-z0-9+/]{20,}={0,2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Values that look random by construction but are public: subresource integrity strings and UUIDs. */
export function isDefaultSkippedValue(value: string): boolean {
  return INTEGRITY.test(value) || UUID.test(value);
}
