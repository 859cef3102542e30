import { Transform, type TransformCallback } from 'node:stream';
import type { Masker } from './masker.js';
import type { IncrementalMasker } from './incremental-masker.js';

/**
 * A byte stream with every secret masked, also when a secret is split across chunks: bytes that
 * could begin a secret are held back (fewer than the masker's longest pattern) until the next
 * chunk or the end of the stream shows what they are. A partial secret is never written.
 */
export class MaskingTransform extends Transform {
  private readonly scanner: IncrementalMasker;

  constructor(masker: Masker) {
    super();
    this.scanner = masker.createScanner();
  }

  override _transform(chunk: Buffer | string, encoding: BufferEncoding, callback: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    this.pushAll(this.scanner.push(bytes));
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.pushAll(this.scanner.end());
    callback();
  }

  /** One chunk out per chunk in: the destination (often a pipe or TTY) then sees one write, not one per masked run. */
  private pushAll(pieces: Buffer[]): void {
    if (pieces.length === 1) this.push(pieces[0]);
    else if (pieces.length > 1) this.push(Buffer.concat(pieces));
  }
}

/** A fresh masking stream (each stream has its own state: use one per output). */
export function createMaskingStream(masker: Masker): MaskingTransform {
  return new MaskingTransform(masker);
}
