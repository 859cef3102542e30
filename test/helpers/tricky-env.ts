/**
 * A deterministic, deliberately awkward `.env` for "encrypt then decrypt restores it byte for
 * byte" checks: `export` prefixes, all three quotes, escapes, inline comments, a multi-line PEM
 * key, a CRLF section with a multi-line CRLF value, mixed line ends, unicode, duplicates, empty
 * values, `${VAR}` / `$(cmd)` kept literally, indented comments, whitespace-only lines, the
 * `KEY: value` form, and no line terminator after the last line. Every value is fake.
 */

export interface TrickyEnvOptions {
  /** Start the text with a UTF-8 byte order mark. */
  readonly bom?: boolean;
}

// Split so that secret scanners reading this source do not flag a fixture as a real key.
const PEM_BEGIN = '-----BEGIN ' + 'PRIVATE KEY-----';
const PEM_END = '-----END ' + 'PRIVATE KEY-----';

/** Returns a tricky `.env` text of exactly `lines` lines (at least 1); the same text every call. */
export function trickyEnv(lines = 200, options: TrickyEnvOptions = {}): string {
  const random = seededRandom(0x5eed);
  const out: string[] = [];
  for (let round = 0; ; round += 1) {
    const block = trickyBlock(round, random);
    if (out.length + block.length > lines) break;
    out.push(...block);
  }
  for (let i = 0; out.length < lines; i += 1) out.push(i % 3 === 2 ? '# filler comment\n' : `FILLER_${i}=${token(random, 12)}\n`);
  const text = out.join('').replace(/\r?\n$/, '');
  return (options.bom ? '\ufeff' : '') + text;
}

/** One round of every feature, one physical line (with its terminator) per element. */
function trickyBlock(round: number, random: () => number): string[] {
  const n = round;
  const pem = [PEM_BEGIN, ...Array.from({ length: 4 }, () => base64ish(random, 48)), PEM_END];
  return [
    `# ---- section ${n}: envguard tricky fixture (fake values only) ----\n`,
    '   # an indented comment with "quotes" and = signs\n',
    '\n',
    `export DB_HOST_${n}=db-${n}.internal\n`,
    `DB_PORT_${n} = 5432\n`,
    `DB_PASSWORD_${n}="p@ss w0rd#${token(random, 10)}" # inline comment after quotes\n`,
    `API_TOKEN_${n}='tok_${token(random, 24)}_\${HOME}_$(whoami)'\n`,
    `UNQUOTED_${n}=value with spaces   # comment after an unquoted value\n`,
    `HASH_NO_SPACE_${n}=abc#def\n`,
    `PRIVATE_KEY_${n}="${pem[0]}\n`,
    ...pem.slice(1, -1).map((body) => `${body}\n`),
    `${pem.at(-1)}" # PEM spans lines\n`,
    `CRLF_A_${n}=crlf-value\r\n`,
    `CRLF_MULTI_${n}="first line\r\n`,
    'second line"\r\n',
    '\t  \r\n',
    `export CRLF_B_${n}='single ${token(random, 6)}'\r\n`,
    `GREETING_${n}="héllo wörld 🔑 ${n}"\n`,
    `JA_${n}=鍵の値 # コメント\n`,
    `RU_${n}='ключ-${n}'\n`,
    `DUP_${n % 3}=first-${n}\n`,
    `EMPTY_${n}=\n`,
    `EMPTY_QUOTED_${n}=""\n`,
    `EMPTY_SINGLE_${n}=''\n`,
    `ESCAPED_${n}="line1\\nline2\\r\\n\\ttab \\"q\\" \\\\ end"\n`,
    `BACKTICK_${n}=\`it's "both" ${n}\`\n`,
    `COLON_${n}: colon form value\n`,
    `URL_${n}=postgres://user:${token(random, 8)}@host:5432/db?ssl=true\n`,
    `JSON_${n}='{"a":[1,2],"b":"c","n":${n}}'\n`,
    `MULTI_SINGLE_${n}='line one\n`,
    '# not a comment: inside quotes\n',
    `line three'\n`,
    `  export   INDENTED_${n}  =  "  padded  "  \n`,
    `VARS_${n}=\${DB_HOST_${n}}:\${DB_PORT_${n}} $(echo never-run)\n`,
    '    \n',
    `DUP_${n % 3}=second-${n}\n`,
  ];
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function token(random: () => number, length: number): string {
  return Array.from({ length }, () => ALPHANUMERIC[Math.floor(random() * ALPHANUMERIC.length)]).join('');
}

function base64ish(random: () => number, length: number): string {
  const alphabet = `${ALPHANUMERIC}+/`;
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}
