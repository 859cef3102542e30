import { Transform, type TransformCallback } from 'node:stream';
import type { Masker } from './masker.js';
import type { MaskScanner } from './scanner.js';

/**
 * A byte stream with every secret masked, also when a secret is split across chunks: bytes that
 * could begin a secret are held back (fewer than the masker's longest pattern) until the next
 * chunk or the end of the stream shows what they are. A partial secret is never written.
 */
export class MaskingTransform extends Transform {
  private readonly scanner: MaskScanner;

  constructor(masker: Masker) {
    super();
    this.scanner = masker.createScanner();
  }

  override _transform(chunk: Buffer | string, encoding: BufferEncoding, callback: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    for (const piece of this.scanner.push(bytes)) this.push(piece);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    for (const piece of this.scanner.end()) this.push(piece);
    callback();
  }
}

/** A fresh masking stream (each stream has its own state: use one per output). */
export function createMaskingStream(masker: Masker): MaskingTransform {
  return new MaskingTransform(masker);
}
