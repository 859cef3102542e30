import type { Git } from './git.js';
import { gitBlobId, indexBlobId } from './index-blob.js';

/**
 * The blobs git is about to commit, one `git show :<path>` per path at most. A guess (the text
 * envguard last synced) is confirmed from the index file itself when it can be, with no git call.
 */
export class StagedBlobs {
  private readonly cache = new Map<string, string | undefined>();
  constructor(
    private readonly git: Git,
    private readonly indexFile: string | undefined,
  ) {}

  text(file: string, guess?: string): string | undefined {
    if (!this.cache.has(file) && guess !== undefined && this.indexFile && indexBlobId(this.indexFile, file) === gitBlobId(guess)) this.cache.set(file, guess);
    if (!this.cache.has(file)) {
      const shown = this.git.exec(['show', `:${file}`], { okCodes: [128] });
      this.cache.set(file, shown.status === 0 ? shown.stdout.toString('utf8') : undefined);
    }
    return this.cache.get(file);
  }

  /** Records what the hook itself just staged. */
  set(file: string, text: string): void {
    this.cache.set(file, text);
  }
}

/** Stages files in one call: update-index rather than add (no pathspec or ignore handling; about 4 ms less on a 10,000-file index). */
export function stageFiles(git: Git, files: readonly string[]): void {
  if (files.length > 0) git.exec(['update-index', '--add', '--', ...files]);
}
