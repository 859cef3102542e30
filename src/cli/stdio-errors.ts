/**
 * `envguard … | head` closes stdout early: that is the reader's choice, not an error. Only the
 * streams passed are touched, because creating `process.stdout` costs a few ms on every hook run.
 */
export function exitQuietlyOnEpipe(streams: readonly NodeJS.WriteStream[]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
