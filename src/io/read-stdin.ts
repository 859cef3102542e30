/**
 * All of stdin as text, for the hooks git feeds ref lines to (pre-push, pre-receive). A terminal
 * is not waited on: run by hand without a pipe, the hook sees no refs instead of hanging.
 */
export async function readStdinText(stream: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stream.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
