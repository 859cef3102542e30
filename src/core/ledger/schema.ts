import type { ErrorObject } from 'ajv';
import validate from '../../generated/validate-ledger.js';

/** One place where a ledger does not match `templates/ledger.schema.json`. */
export interface SchemaProblem {
  /** JSON Pointer into the file (RFC 6901), e.g. `/entries/2/signatures/0/publicKey`; `` is the whole file. */
  path: string;
  message: string;
}

/**
 * Checks a parsed ledger against the JSON Schema (compiled at build time by
 * scripts/build-schemas.mjs, so no schema is compiled at run time).
 */
export function schemaProblems(value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    // "must match then/else schema" only repeats the errors found inside that branch.
    if (error.keyword === 'if') continue;
    const problem = { path: pathOf(error), message: describe(error) };
    const key = `${problem.path}\0${problem.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  return problems;
}

function pathOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `${error.instancePath}/${escapePointer(String(error.params.additionalProperty))}`;
  if (error.keyword === 'required') return `${error.instancePath}/${escapePointer(String(error.params.missingProperty))}`;
  return error.instancePath;
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return 'is not an allowed property';
    case 'required':
      return 'is missing';
    case 'enum':
      return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(error.params.allowedValue)}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
