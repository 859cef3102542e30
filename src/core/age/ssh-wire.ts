/**
 * The SSH wire encoding's `string` (RFC 4251 section 5): a 4-byte big-endian length, then bytes.
 */
export function sshString(value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'latin1') : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** Reads one `string` at offset; undefined when the buffer ends first. */
export function readSshString(buffer: Buffer, offset: number): { value: Buffer; next: number } | undefined {
  if (offset + 4 > buffer.length) return undefined;
  const length = buffer.readUInt32BE(offset);
  const end = offset + 4 + length;
  if (end > buffer.length) return undefined;
  return { value: buffer.subarray(offset + 4, end), next: end };
}

/** Reads a `uint32` at offset. */
export function readSshUint32(buffer: Buffer, offset: number): { value: number; next: number } | undefined {
  return offset + 4 > buffer.length ? undefined : { value: buffer.readUInt32BE(offset), next: offset + 4 };
}
