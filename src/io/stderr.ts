import { fstatSync, writeSync } from 'node:fs';

/**
 * The hooks' stderr, written straight to file descriptor 2. `process.stderr` is made on first
 * use, and for a pipe or a terminal making it loads `net` and `stream`: about 2 ms of a
 * post-checkout that has no other use for them (issue 14). The writes are synchronous: each line
 * is out before the hook goes on, whatever stderr is (a terminal, a pipe to a GUI client, a file).
 */
export interface StderrFd {
  /** A terminal, as far as colour goes: a character device (the other ones, such as /dev/null, show nobody anything). */
  readonly isTTY: boolean;
  write(text: string): void;
}

export function stderrFd(fd = 2): StderrFd {
  let closed = false;
  return {
    get isTTY() {
      try {
        return fstatSync(fd).isCharacterDevice();
      } catch {
        return false;
      }
    },
    write(text) {
      if (closed) return;
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      let waited = 0;
      while (offset < bytes.length) {
        try {
          offset += writeSync(fd, bytes, offset);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // A non-blocking pipe that is full: wait for its reader, a millisecond at a time, for up to 5 s.
          if (code === 'EAGAIN' && waited < 5000) {
            Atomics.wait(PAUSE, 0, 0, 1);
            waited += 1;
            continue;
          }
          // Nobody reads any more (EPIPE) or it cannot take more: the exit code is what git goes by.
          closed = true;
          return;
        }
      }
    },
  };
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
