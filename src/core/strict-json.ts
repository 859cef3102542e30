/**
 * JSON with duplicate keys is invalid (DESIGN.md, Ledger; the access grants follow the same rule).
 * `JSON.parse` keeps the last of two `"reason"` members while another reader (a reviewer's eye, a
 * tool that keeps the first) sees the first, so one signed file could say two things. Used by the
 * ledger (`ledger/ledger-json.ts`, which throws) and the access grants (`access/parse-grant.ts`,
 * which reports a reason).
 */

/** Why a text is not strict JSON: never quotes the text. */
export interface StrictJsonError {
  /** 1-based line of the problem, when known. */
  line?: number;
  message: string;
  /** The `JSON.parse` error, for a syntax error. */
  cause?: unknown;
}

/**
 * Parses JSON like `JSON.parse`, and also refuses an object with two members of the same name
 * (after escapes: `"a"` and `"\u0061"` are the same name). Returns the error instead of throwing,
 * so each caller words it for its own file.
 */
export function parseStrictJson(text: string): { value: unknown } | { error: StrictJsonError } {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (cause) {
    const position = /position (\d+)/.exec((cause as Error).message);
    return { error: { ...(position ? { line: lineAt(text, Number(position[1])) } : {}), message: 'not valid JSON', cause } };
  }
  const duplicate = findDuplicateKey(text);
  return duplicate ? { error: duplicate } : { value };
}

/** The value of strict JSON text, or undefined for anything that is not exactly one JSON value without duplicate keys. */
export function strictJsonValue(text: string): unknown {
  const parsed = parseStrictJson(text);
  return 'value' in parsed ? parsed.value : undefined;
}

/**
 * The first object member whose name repeats an earlier one in the same object. Expects text
 * that `JSON.parse` accepted, so strings and nesting are already known to be well formed.
 */
export function findDuplicateKey(text: string): { line: number; message: string } | undefined {
  // One entry per open container: the member names seen so far (objects) or null (arrays).
  const stack: (Set<string> | null)[] = [];
  let expectingKey = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      const end = stringEnd(text, index);
      const top = stack[stack.length - 1];
      if (top && expectingKey) {
        const name = JSON.parse(text.slice(index, end + 1)) as string;
        if (top.has(name)) return { line: lineAt(text, index), message: 'an object has the same member name twice (JSON with duplicate keys is refused)' };
        top.add(name);
        expectingKey = false;
      }
      index = end;
    } else if (char === '{') {
      stack.push(new Set());
      expectingKey = true;
    } else if (char === '[') {
      stack.push(null);
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      expectingKey = stack[stack.length - 1] instanceof Set;
    }
  }
  return undefined;
}

/** Index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = 0; at < index && at < text.length; at++) if (text[at] === '\n') line++;
  return line;
}
